import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { livePidsOfGroup } from '../packages/server/test/processes';
import { signInOverHttp, type HttpSession } from '../packages/server/test/http-sign-in';

export const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const mainScript = fileURLToPath(new URL('../packages/server/src/main.ts', import.meta.url));

export interface ServerOptions {
  dataDir: string;
  demoPassword: string;
  /** PostgreSQL instead of the embedded database. */
  databaseUrl?: string;
  extraEnv?: Record<string, string>;
}

export interface RunningServer {
  baseUrl: string;
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the real server (`packages/server/src/main.ts`) in its own process group on a free port
 * (PORT=0; the address is read from its start-up line) and resolves once it listens.
 */
export function startServer(options: ServerOptions): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATA_DIR: options.dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    DEMO_PASSWORD: options.demoPassword,
    SEED_DEMO: 'true',
    // Every spec signs in from 127.0.0.1; the per-address login limit has its own route test.
    LOGIN_RATE_LIMIT: '1000',
    LOGIN_ACCOUNT_RATE_LIMIT: '1000',
    ...options.extraEnv,
  };
  delete env.DATABASE_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const child = spawn(process.execPath, ['--import', 'tsx', mainScript], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  // The server has its own process group, so an interrupted run (Ctrl-C) would not reach it.
  const onExit = () => killGroup(child.pid!);
  process.once('exit', onExit);
  child.once('exit', () => process.off('exit', onExit));
  let output = '';
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => killGroup(child.pid!), 10_000);
    await exited;
    clearTimeout(timer);
    // Whatever is left of the group (normally nothing) must not outlive the run.
    killGroup(child.pid!);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      killGroup(child.pid!);
      reject(new Error(`server did not start within 150 s:\n${output}`));
    }, 150_000);
    const onEarlyExit = (code: number | null, signal: string | null) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before it started:\n${output}`));
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /已启动：(http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.off('exit', onEarlyExit);
        resolve({
          baseUrl: match[1]!.replace('localhost', '127.0.0.1'),
          process: child,
          output: () => output,
          stop,
        });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', onEarlyExit);
  });
}

function killGroup(pgid: number) {
  for (const pid of livePidsOfGroup(pgid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

export type ApiSession = HttpSession;

/** Signs in over HTTP (no browser), for set-up and checks beside the UI. */
export const apiSignIn = signInOverHttp;

export async function apiGet<T>(baseUrl: string, session: ApiSession, path: string): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { cookie: session.cookie } });
  if (res.status !== 200) throw new Error(`GET ${path} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
