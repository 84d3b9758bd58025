package com.acme.shop.web;

import com.acme.shop.service.OrderService;
import com.acme.shop.store.OrderStore;

class OrderControllerTest {
    void readsBackAPlacedOrder() {
        OrderController c = new OrderController(new OrderService(new OrderStore()));
        c.get(1);
    }
}
