import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type AppInstance } from '../src/app';
import { openDatabase, runMigrations, type Database, type DatabaseOptions } from '../src/db/client';
import { loadConfig, type AppConfig } from '../src/env';
import { createServerDatabase } from './server-database';

export interface TestContext {
  app: AppInstance;
  database: Database;
  config: AppConfig;
  /** `METHOD /api/route/:pattern STATUS` of every answer this app gave; see `undeclaredResponses`. */
  responses: Set<string>;
  close(): Promise<void>;
}

/**
 * A fresh database for one test file: a copy of the migrated template in embedded mode,
 * or a new database created on the server named by DATABASE_URL.
 */
export async function openTestDatabase(
  options: Pick<DatabaseOptions, 'idleTimeoutMillis'> = {},
): Promise<{ database: Database; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ ...options, templateFile: process.env.CPPCC_TEST_TEMPLATE });
    if (!process.env.CPPCC_TEST_TEMPLATE) await runMigrations(database.db);
    return { database, drop: () => database.close() };
  }
  const created = await createServerDatabase(url, `cppcc_test_${process.pid}`);
  const database = await openDatabase({ ...options, databaseUrl: created.url, poolSize: 5 });
  await runMigrations(database.db);
  return {
    database,
    async drop() {
      await database.close();
      await created.drop();
    },
  };
}

export async function createTestApp(
  overrides: Partial<AppConfig> = {},
  databaseOptions: Parameters<typeof openTestDatabase>[0] = {},
): Promise<TestContext> {
  const { database, drop } = await openTestDatabase(databaseOptions);
  const config: AppConfig = {
    // Route tests sign in many users from one address; the limit itself is tested with an override.
    ...loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: `/tmp/cppcc-test-data-${process.pid}`,
      LOGIN_RATE_LIMIT: '100000',
      LOGIN_ACCOUNT_RATE_LIMIT: '100000',
    }),
    ...overrides,
  };
  const app = await buildApp({ database, config, webDist: '/nonexistent' });
  const responses = new Set<string>();
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url;
    if (route?.startsWith('/api/') && !route.startsWith('/api/docs'))
      responses.add(`${req.method} ${route} ${reply.statusCode}`);
  });
  await app.ready();
  return {
    app,
    database,
    config,
    responses,
    async close() {
      // Every test file's answers are held to the OpenAPI document (CPPCC_CHECK_RESPONSES=false skips it).
      const undeclared =
        process.env.CPPCC_CHECK_RESPONSES === 'false' ? [] : undeclaredResponses({ app, responses });
      await app.close();
      await drop();
      if (undeclared.length) throw new Error(`undeclared in the OpenAPI document: ${undeclared.join(', ')}`);
    },
  };
}

/** Headers that make `app.inject` act as a signed-in browser: session cookie plus CSRF token. */
export interface Session {
  cookie: string;
  csrfToken: string;
  userId: number;
}

export async function signIn(app: AppInstance, login: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${login}: ${res.statusCode} ${res.body}`);
  return sessionOf(res);
}

export function sessionOf(res: LightMyRequestResponse): Session {
  const cookie = res.cookies.find((c) => c.name === 'cppcc_sid');
  if (!cookie) throw new Error('no session cookie');
  const body = res.json() as { csrfToken: string; id: number };
  return { cookie: `cppcc_sid=${cookie.value}`, csrfToken: body.csrfToken, userId: body.id };
}

export const as = (session: Session) => ({ cookie: session.cookie, 'x-csrf-token': session.csrfToken });

/** `app.inject` as a signed-in user; an object payload is sent as JSON. */
export const injectAs = (
  t: Pick<TestContext, 'app'>,
  session: Session,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
) => t.app.inject({ method, url, headers: as(session), payload });

/** A multipart POST as a signed-in user; `form` is what `multipartFile` builds. */
export const postFormAs = (
  t: Pick<TestContext, 'app'>,
  session: Session,
  url: string,
  form: { payload: Buffer; headers: Record<string, string> },
) =>
  t.app.inject({ method: 'POST', url, headers: { ...as(session), ...form.headers }, payload: form.payload });

/**
 * The answers this app gave whose status the OpenAPI document does not declare for that route,
 * e.g. `GET /api/terms/:id 418`; empty when the document tells the truth about them.
 */
export function undeclaredResponses(t: Pick<TestContext, 'app' | 'responses'>): string[] {
  const paths = (t.app.swagger() as { paths: Record<string, Record<string, { responses?: object }>> }).paths;
  return [...t.responses].filter((entry) => {
    const [method, route, status] = entry.split(' ') as [string, string, string];
    const operation = paths[route.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
    return !operation?.responses || !Object.hasOwn(operation.responses, status);
  });
}
