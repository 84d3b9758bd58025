const express = require('express');

const router = express.Router();
const todos = [];

router.route('/')
  .get((req, res) => res.json(todos))
  .post((req, res) => {
    todos.push(req.body);
    res.status(201).json(req.body);
  });

router.patch('/:id', (req, res) => {
  Object.assign(todos[req.params.id], req.body);
  res.json(todos[req.params.id]);
});

module.exports = router;
