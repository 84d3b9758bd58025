package com.acme.shop.store;

import java.util.HashMap;
import java.util.Map;

public class OrderStore {
    private final Map<Long, Order> orders = new HashMap<>();

    public Order save(Order order) {
        orders.put(order.id(), order);
        return order;
    }

    public Order find(long id) {
        return orders.get(id);
    }
}
