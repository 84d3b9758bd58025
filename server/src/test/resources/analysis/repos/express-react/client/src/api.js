const API = '/api';

export async function fetchUsers() {
  const res = await fetch(`${API}/users`);
  return res.json();
}

export async function fetchUser(id) {
  const res = await fetch(`${API}/users/${id}`);
  return res.json();
}

export function createUser(user) {
  return fetch(`${API}/users`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(user),
  });
}

export function deleteUser(id) {
  return fetch(API + '/users/' + id, { method: 'DELETE' });
}
