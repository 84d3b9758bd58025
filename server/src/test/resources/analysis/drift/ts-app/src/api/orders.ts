import express from "express";
import { allOrders, orderById } from "../db/client";

export const router = express.Router();

router.get("/api/orders", (_req, res) => {
  res.json(allOrders());
});

router.get("/api/orders/:id", (req, res) => {
  const order = orderById(req.params.id);
  order ? res.json(order) : res.sendStatus(404);
});
