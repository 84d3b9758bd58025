import { Injectable } from '@angular/core';
import { HttpClient } from '@angular/common/http';
import { Observable } from 'rxjs';

export interface Order {
  id: number;
  total: number;
}

@Injectable({ providedIn: 'root' })
export class OrderService {
  constructor(private http: HttpClient) {}

  orders(): Observable<Order[]> {
    return this.http.get<Order[]>('/api/orders');
  }

  order(id: number): Observable<Order> {
    return this.http.get<Order>(`/api/orders/${id}`);
  }

  // legacy(): Observable<Order[]> { return this.http.get<Order[]>('/api/legacy-orders'); }
}
