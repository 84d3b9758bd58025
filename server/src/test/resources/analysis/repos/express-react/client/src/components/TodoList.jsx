import React, { useEffect, useState } from 'react';

export default function TodoList() {
  const [todos, setTodos] = useState([]);

  useEffect(() => {
    fetch('/api/todos').then((r) => r.json()).then(setTodos);
    // fetch('/api/old-todos');
  }, []);

  const toggle = (todo) =>
    fetch(`/api/todos/${todo.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ done: !todo.done }),
    });

  return (
    <ul>
      {todos.map((t) => (
        <li key={t.id} onClick={() => toggle(t)}>
          {t.title} — don't fetch('/api/jsx-text') here
        </li>
      ))}
    </ul>
  );
}
