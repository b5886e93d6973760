import { expect, test } from './fixtures.js';

test('the API answers bad input with a clear error envelope, nothing else', async ({ request }) => {
  const unknown = await request.post('/api/ops/nope', { data: {} });
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error).toMatchObject({ code: 'UNKNOWN_OPERATION', retryable: false });

  const invalid = await request.post('/api/ops/bridges/run', { data: {} });
  expect(invalid.status()).toBe(400);
  const body = await invalid.json();
  expect(body.error.code).toBe('INVALID_INPUT');
  expect(body.error.message).toMatch(/name/);
  expect(JSON.stringify(body)).not.toMatch(/\.ts:\d+/);
});
