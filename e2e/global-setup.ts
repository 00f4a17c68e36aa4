import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createServerDatabase } from '../packages/server/test/server-database';
import { repoRoot, startServer } from './server';

export const chromiumPath = '/usr/bin/chromium';
const demoPassword = 'E2e#Demo2024';
/** Short, so that a spec can sit idle past it (e2e/specs/idle.spec.ts) without slowing the run. */
const databaseIdleSeconds = 1;

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    demoPassword: string;
    databaseIdleSeconds: number;
  }
}

async function waitForChromium() {
  // Chromium may still be being installed by apt when the run starts.
  for (let i = 0; i < 300 && !existsSync(chromiumPath); i++) await new Promise((r) => setTimeout(r, 1000));
  if (!existsSync(chromiumPath))
    throw new Error(`未找到 ${chromiumPath}：请先执行 apt-get install -y chromium fonts-wqy-zenhei`);
}

/** One server for the whole run, on a fresh data directory with the demo data. */
export default async function setup(project: TestProject) {
  // WEB_DIST (passed on to the server) runs the specs against a build kept elsewhere.
  if (!existsSync(join(process.env.WEB_DIST ?? join(repoRoot, 'packages/web/dist'), 'index.html'))) {
    throw new Error(
      '未找到前端构建产物：请先执行 npm run build -w @cppcc/web（npm run test:e2e 会自动执行）',
    );
  }
  await waitForChromium();
  const dataDir = mkdtempSync(join(tmpdir(), 'cppcc-e2e-'));
  // With DATABASE_URL the browser runs against PostgreSQL, on a fresh database the demo data can fill.
  const database = process.env.DATABASE_URL
    ? await createServerDatabase(process.env.DATABASE_URL, 'cppcc_e2e')
    : null;
  const server = await startServer({
    dataDir,
    demoPassword,
    databaseUrl: database?.url,
    extraEnv: { DATABASE_IDLE_SECONDS: String(databaseIdleSeconds) },
  });
  const health = (await (await fetch(`${server.baseUrl}/api/health`)).json()) as { database: string };
  const expected = database ? 'postgres' : 'embedded';
  if (health.database !== expected)
    throw new Error(`e2e server runs on ${health.database}, expected ${expected}`);
  console.log(`e2e: server ${server.baseUrl} on the ${health.database} database`);
  project.provide('baseUrl', server.baseUrl);
  project.provide('demoPassword', demoPassword);
  project.provide('databaseIdleSeconds', databaseIdleSeconds);
  return async () => {
    await server.stop();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
