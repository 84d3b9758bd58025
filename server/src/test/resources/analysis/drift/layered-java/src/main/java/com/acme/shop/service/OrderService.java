package com.acme.shop.service;

import com.acme.shop.store.Order;
import com.acme.shop.store.OrderStore;
import org.apache.commons.lang.StringUtils;

public class OrderService {
    private final OrderStore store;

    public OrderService(OrderStore store) {
        this.store = store;
    }

    public Order place(long id, String customer, long cents) {
        return store.save(new Order(id, StringUtils.trim(customer), cents));
    }

    public Order get(long id) {
        return store.find(id);
    }
}
