import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isAlive, livePidsOfGroup } from './processes';
import { signInOverHttp, type HttpSession } from './http-sign-in';

/**
 * Crash safety of the embedded database: every write the API acknowledged before the whole
 * process group (app and PGlite child) is killed with SIGKILL must be there after a restart.
 * Runs the real server as a separate process, so it only makes sense in embedded mode.
 */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const mainScript = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const demoPassword = 'Crash#Test2024';
const acknowledgedTarget = 60;
const concurrency = 4;

interface RunningServer {
  process: ChildProcess;
  baseUrl: string;
  output: () => string;
}

// Created by the test itself, so that a skipped run (PostgreSQL mode) leaves nothing behind.
let dataDir = '';
const started: RunningServer[] = [];

function withoutDatabaseUrl(env: NodeJS.ProcessEnv) {
  const copy = { ...env };
  delete copy.DATABASE_URL;
  return copy;
}

function startServer(): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', mainScript], {
    cwd: repoRoot,
    // Own process group, so that one kill(-pid) reaches the app and the embedded database child.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...withoutDatabaseUrl(process.env),
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      DEMO_PASSWORD: demoPassword,
      // The accounts are enough to write with; the modules' demo data would only slow the start.
      SEED_DEMO: 'accounts',
    },
  });
  let output = '';
  const server: Omit<RunningServer, 'baseUrl'> = { process: child, output: () => output };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${output}`)), 150_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /已启动：(http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        const entry = { ...server, baseUrl: match[1]!.replace('localhost', '127.0.0.1') };
        started.push(entry);
        resolve(entry);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before it started:\n${output}`));
    });
  });
}

function embeddedChildPid(appPid: number): number | undefined {
  return livePidsOfGroup(appPid).find((pid) => {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('embedded-server.mjs');
  });
}

/** The socket directory the embedded child was given; a killed child cannot remove it. */
function socketDirOf(pid: number): string | undefined {
  const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  const json = args.find((a) => a.startsWith('{'));
  if (!json) return undefined;
  const { socketPath } = JSON.parse(json) as { socketPath?: string };
  return socketPath ? dirname(socketPath) : undefined;
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return condition();
}

type Session = HttpSession;
const signIn = (baseUrl: string, login: string) => signInOverHttp(baseUrl, login, demoPassword);

const headersOf = (session: Session) => ({
  'content-type': 'application/json',
  cookie: session.cookie,
  'x-csrf-token': session.csrfToken,
});

/** Creates a member group; resolves only on a 2xx answer, which is the acknowledgement. */
async function createGroup(baseUrl: string, session: Session, name: string): Promise<void> {
  const res = await fetch(`${baseUrl}/api/member-groups`, {
    method: 'POST',
    headers: headersOf(session),
    body: JSON.stringify({ name, description: '崩溃测试' }),
  });
  const body = await res.text();
  if (!res.ok) throw new Error(`write refused: ${res.status} ${body}`);
}

async function groupNames(baseUrl: string, session: Session): Promise<Set<string>> {
  const names = new Set<string>();
  for (let page = 1; ; page++) {
    const res = await fetch(`${baseUrl}/api/member-groups?page=${page}&pageSize=100`, {
      headers: headersOf(session),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { name: string }[]; total: number };
    for (const item of body.items) names.add(item.name);
    if (body.items.length === 0 || page * 100 >= body.total) return names;
  }
}

afterAll(async () => {
  for (const server of started) {
    const pid = server.process.pid!;
    for (const p of livePidsOfGroup(pid)) {
      try {
        process.kill(p, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(Boolean(process.env.DATABASE_URL))('crash safety (embedded database)', () => {
  it(
    'keeps every acknowledged write after the app and its database are killed with SIGKILL',
    { timeout: 300_000 },
    async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'cppcc-crash-'));
      const first = await startServer();
      const appPid = first.process.pid!;
      const dbPid = embeddedChildPid(appPid);
      expect(dbPid, 'embedded database child process').toBeDefined();
      const socketDir = socketDirOf(dbPid!);

      const session = await signIn(first.baseUrl, 'liaison.staff');
      const acknowledged: string[] = [];
      let sequence = 0;
      let inFlight = 0;
      let unansweredAtKill = 0;
      let killed = false;
      const runId = Date.now().toString(36);

      // A few writes in flight at all times, so the kill lands while some are still unanswered.
      const worker = async () => {
        while (!killed) {
          const name = `崩溃测试组-${runId}-${++sequence}`;
          inFlight++;
          try {
            await createGroup(first.baseUrl, session, name);
          } catch (error) {
            if (!killed) throw error;
            return;
          } finally {
            inFlight--;
          }
          acknowledged.push(name);
          if (acknowledged.length >= acknowledgedTarget && !killed) {
            killed = true;
            unansweredAtKill = inFlight;
            process.kill(-appPid, 'SIGKILL');
          }
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));

      expect(
        await waitFor(() => !isAlive(appPid) && !isAlive(dbPid!), 10_000),
        'app and database processes are gone',
      ).toBe(true);
      // Other members of the group (the TypeScript loader's helper) die on their own schedule after SIGKILL.
      await waitFor(() => livePidsOfGroup(appPid).length === 0, 10_000);
      expect(livePidsOfGroup(appPid)).toEqual([]);
      if (socketDir && existsSync(socketDir)) rmSync(socketDir, { recursive: true, force: true });

      const restartStarted = Date.now();
      const second = await startServer();
      const restartSeconds = (Date.now() - restartStarted) / 1000;
      const again = await signIn(second.baseUrl, 'liaison.staff');
      const names = await groupNames(second.baseUrl, again);
      const found = acknowledged.filter((name) => names.has(name));
      console.log(
        `crash test: ${acknowledged.length} writes acknowledged, ${found.length} found ` +
          `(${unansweredAtKill} in flight at the kill; restart took ${restartSeconds.toFixed(1)} s)`,
      );
      expect(found).toEqual(acknowledged);

      // The reopened database takes new writes.
      const after = `崩溃后新建-${runId}`;
      await createGroup(second.baseUrl, again, after);
      expect((await groupNames(second.baseUrl, again)).has(after)).toBe(true);

      const secondPid = second.process.pid!;
      const exited = new Promise((resolve) => second.process.once('exit', resolve));
      process.kill(secondPid, 'SIGTERM');
      await exited;
      expect(await waitFor(() => livePidsOfGroup(secondPid).length === 0, 10_000)).toBe(true);
    },
  );
});
