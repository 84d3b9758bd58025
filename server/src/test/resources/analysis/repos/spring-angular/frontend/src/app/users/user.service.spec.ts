import { TestBed } from '@angular/core/testing';
import { HttpClient } from '@angular/common/http';

describe('UserService', () => {
  it('calls a route that exists only in this test', () => {
    const http = TestBed.inject(HttpClient);
    http.get('/api/test-only').subscribe();
  });
});
