package com.acme.shop.store;

public record Order(long id, String customer, long cents) {
}
