export async function PATCH() {
  return new Response('only in a test');
}

test('fetches', async () => {
  await fetch('/api/test-only');
});
