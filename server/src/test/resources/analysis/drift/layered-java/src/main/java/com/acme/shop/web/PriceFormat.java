package com.acme.shop.web;

final class PriceFormat {
    private PriceFormat() {
    }

    static String euros(long cents) {
        return cents / 100 + "." + String.format("%02d", cents % 100);
    }
}
