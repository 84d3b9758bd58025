export interface Order {
  id: string;
  total: number;
}

const rows: Order[] = [{ id: "1", total: 1250 }];

export function allOrders(): Order[] {
  return rows;
}

export function orderById(id: string): Order | undefined {
  return rows.find((o) => o.id === id);
}
