package com.acme.shop.report;

import com.acme.shop.service.OrderService;

public class DailyReport {
    private final OrderService orders;

    public DailyReport(OrderService orders) {
        this.orders = orders;
    }

    public long total() {
        return 0;
    }
}
