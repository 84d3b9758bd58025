package com.example.inventory;

/** A plain-Java check of StockService (no test framework in this fixture). */
final class StockServiceTest {
    public static void main(String[] args) {
        StockService s = new StockService();
        s.add("apple", 3);
        if (s.level("apple") != 3) throw new AssertionError("expected 3");
    }
}
