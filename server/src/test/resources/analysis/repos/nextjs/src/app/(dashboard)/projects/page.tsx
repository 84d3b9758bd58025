'use client';

import useSWR from 'swr';

const fetcher = (url: string) => fetch(url).then((r) => r.json());

export default function ProjectsPage() {
  const { data: projects } = useSWR('/api/projects', fetcher);
  const { data: status } = useSWR('/api/status', fetcher);

  async function rename(id: string, name: string) {
    await fetch(`/api/projects/${id}`, { method: 'PUT', body: JSON.stringify({ name }) });
  }

  async function create(name: string) {
    await fetch('/api/projects', { method: 'POST', body: JSON.stringify({ name }) });
  }

  return (
    <main>
      {status?.up ? 'API up' : 'API down'}
      <ul>{projects?.map((p: { id: string; name: string }) => <li key={p.id}>{p.name}</li>)}</ul>
    </main>
  );
}
