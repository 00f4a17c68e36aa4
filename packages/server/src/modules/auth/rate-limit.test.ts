import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/harness';

let t: TestContext;
let perAccount: TestContext;
beforeAll(async () => {
  t = await createTestApp({ loginRateLimit: 3, loginAccountRateLimit: 100 });
  perAccount = await createTestApp({ loginRateLimit: 100, loginAccountRateLimit: 3 });
});
afterAll(async () => {
  await t.close();
  await perAccount.close();
});

const loginAs = (app: TestContext, login: string) =>
  app.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: 'x' } });

it('limits login attempts per client address with a Chinese 429', async () => {
  const attempt = () => loginAs(t, 'nobody');
  for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
  const limited = await attempt();
  expect(limited.statusCode).toBe(429);
  expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
});

it('limits attempts per account apart from the address, so colleagues behind it still sign in', async () => {
  for (let i = 0; i < 3; i++) expect((await loginAs(perAccount, 'Guessed.Name')).statusCode).toBe(401);
  // The same account however its name is capitalised.
  const limited = await loginAs(perAccount, 'guessed.name');
  expect(limited.statusCode).toBe(429);
  expect(limited.json()).toMatchObject({
    code: 'RATE_LIMITED',
    message: '该账号登录尝试过于频繁，请 1 分钟后再试',
  });
  // Ten colleagues from the same address are not held up by it.
  for (let i = 0; i < 10; i++) expect((await loginAs(perAccount, `colleague${i}`)).statusCode).toBe(401);
});
