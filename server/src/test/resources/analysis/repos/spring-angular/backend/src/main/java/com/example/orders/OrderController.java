package com.example.orders;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/orders", produces = "application/json")
public class OrderController {
    private static final String BY_ID = "/{orderId}";

    private final OrderService orders;

    public OrderController(OrderService orders) {
        this.orders = orders;
    }

    @GetMapping
    public List<Order> list() {
        return orders.newestFirst();
    }

    @RequestMapping(value = BY_ID, method = RequestMethod.GET)
    public Order show(@PathVariable("orderId") long id) {
        return orders.get(id);
    }

    @PostMapping(BY_ID + "/refund")
    public Order refund(@PathVariable("orderId") long id) {
        return orders.refund(id);
    }

    @GetMapping(value = {"/export", "/export.csv"}, produces = "text/csv")
    public String export() {
        return orders.csv();
    }
}
