import { allOrders } from "../db/client";
import { OrderList } from "./OrderList";

test("lists every order", () => {
  expect(allOrders().length).toBe(1);
  expect(OrderList).toBeDefined();
});
