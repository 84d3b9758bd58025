const express = require('express');
const request = require('supertest');

test('a route only the test declares', async () => {
  const app = express();
  app.get('/api/test-only', (req, res) => res.send('x'));
  await request(app).get('/api/test-only').expect(200);
});
