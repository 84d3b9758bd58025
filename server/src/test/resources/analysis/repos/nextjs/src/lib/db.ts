const projects = new Map<string, { id: string; name: string }>();

export const db = {
  projects: {
    all: async () => [...projects.values()],
    get: async (id: string) => projects.get(id),
    create: async (p: { name: string }) => {
      const id = String(projects.size + 1);
      projects.set(id, { id, ...p });
      return projects.get(id);
    },
    update: async (id: string, p: { name: string }) => ({ id, ...p }),
    remove: async (id: string) => projects.delete(id),
  },
};
