import React, { useEffect, useState } from "react";
import debounce from "lodash/debounce";
import type { Order } from "../db/client";
import { euros } from "../util/format";
// import moment from "moment";
/* import { allOrders } from "../db/client"; */

const help = `import { allOrders } from "../db/client" is not allowed here`;
const pattern = /import ['"]moment['"]/;

export function OrderList({ filter }: { filter: string }) {
  const [orders, setOrders] = useState<Order[]>([]);
  const load = debounce(() => fetch("/api/orders").then((r) => r.json()).then(setOrders), 200);
  useEffect(() => load(), [filter]);
  return (
    <ul title={help}>
      {orders.filter((o) => pattern.test(o.id) || o.id.includes(filter)).map((o) => (
        <li key={o.id}>{o.id}: {euros(o.total)}</li>
      ))}
    </ul>
  );
}
