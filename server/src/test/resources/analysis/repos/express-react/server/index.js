const express = require('express');
const usersRouter = require('./routes/users');

const app = express();
app.use(express.json());

app.use('/api/users', usersRouter);
app.use('/api/todos', require('./routes/todos'));

app.get('/healthz', (req, res) => res.send('ok'));

/* Retired:
app.get('/api/legacy', legacyHandler);
*/

module.exports = app;
