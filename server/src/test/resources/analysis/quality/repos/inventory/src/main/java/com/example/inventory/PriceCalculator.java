package com.example.inventory;

/** Prices an order line. */
public final class PriceCalculator {
    /** The price in cents of {@code count} units at {@code unitCents}, for a customer tier. */
    public long price(long unitCents, int count, String tier, boolean coupon, boolean weekend) {
        long total = unitCents * count;
        if (tier.equals("gold")) {
            if (count > 100) {
                total = total * 80 / 100;
            } else if (count > 10) {
                total = total * 90 / 100;
            } else {
                total = total * 95 / 100;
            }
        } else if (tier.equals("silver")) {
            if (count > 100 && coupon) {
                total = total * 85 / 100;
            } else if (count > 10 || weekend) {
                total = total * 95 / 100;
            }
        } else if (coupon && !weekend) {
            total = total - 100;
        }
        return Math.max(0, total);
    }

    /** Rounds cents to whole units. */
    public long round(long cents) {
        return (cents + 50) / 100 * 100;
    }
}
