import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { repoRoot, startServer } from './server';

export const chromiumPath = '/usr/bin/chromium';
const demoPassword = 'E2e#Demo2024';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    demoPassword: string;
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
  if (!existsSync(join(repoRoot, 'packages/web/dist/index.html'))) {
    throw new Error(
      '未找到前端构建产物：请先执行 npm run build -w @cppcc/web（npm run test:e2e 会自动执行）',
    );
  }
  await waitForChromium();
  const dataDir = mkdtempSync(join(tmpdir(), 'cppcc-e2e-'));
  const server = await startServer({ dataDir, demoPassword });
  project.provide('baseUrl', server.baseUrl);
  project.provide('demoPassword', demoPassword);
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
