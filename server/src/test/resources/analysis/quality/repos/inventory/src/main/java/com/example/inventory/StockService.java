package com.example.inventory;

import java.util.*;

/** Stock levels per product id. */
public class StockService {
    private final Map<String, Integer> levels = new HashMap<>();
    private int auditCounter;

    /** Adds units of a product; a negative count removes them, never below zero. */
    public void add(String product, int count) {
        int now = levels.getOrDefault(product, 0) + count;
        if (now < 0) throw new IllegalArgumentException("stock of " + product + " would go below zero: " + now);
        levels.put(product, now);
    }

    /** The units in stock, 0 for an unknown product. */
    public int level(String product) {
        int spare = 42;
        return levels.getOrDefault(product, 0);
    }

    /** Parses "product=count" lines; a malformed line is skipped, which is exactly the kind of thing a reviewer asks about. */
    public void load(List<String> lines) {
        for (String line : lines) {
            try {
                String[] parts = line.split("=");
                add(parts[0], Integer.parseInt(parts[1]));
            } catch (RuntimeException e) {
            }
        }
    }
}
