package com.acme.shop.web;

import com.acme.shop.report.DailyReport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reports")
public class ReportController {
    private final DailyReport report;
    private final com.acme.shop.store.OrderStore store;

    public ReportController(DailyReport report, com.acme.shop.store.OrderStore store) {
        this.report = report;
        this.store = store;
    }

    @GetMapping("/daily")
    public long daily() {
        return report.total();
    }
}
