const { Router } = require('express');

const router = Router();
const users = new Map();

router.get('/', (req, res) => res.json([...users.values()]));
router.get('/:id', (req, res) => res.json(users.get(req.params.id)));
router.post('/', (req, res) => {
  users.set(String(users.size + 1), req.body);
  res.status(201).json(req.body);
});
// router.delete('/:id', (req, res) => res.sendStatus(204));

module.exports = router;
