import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import * as schema from './schema';
import { backfillNameSpelling } from '../modules/organisation/member-search';

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  pool: pg.Pool;
  mode: 'embedded' | 'postgres';
  /** The embedded database child process, when embedded. */
  child?: ChildProcess;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  /** Directory of the persisted PGlite data; omitted = in memory. */
  pgliteDir?: string;
  /** A gzip dump of a migrated database to start from (tests). */
  templateFile?: string;
  poolSize?: number;
  /** How long an unused pooled connection stays open (pg's default is 10 s). */
  idleTimeoutMillis?: number;
}

/** Exit code of embedded-server.mjs when another live process holds the data directory. */
const dataDirInUseExitCode = 3;
const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
const embeddedServerScript = fileURLToPath(new URL('./embedded-server.mjs', import.meta.url));

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      idleTimeoutMillis: options.idleTimeoutMillis,
      // The platform's queries are short: compiling one (PostgreSQL's JIT) costs more than it saves.
      options: '-c jit=off',
    });
    // An idle client dropped by the server (restart, admin termination) must not crash the process;
    // the pool replaces it on the next query.
    pool.on('error', (error) => console.error('数据库连接中断：', error.message));
    return { db: drizzle(pool, { schema }), pool, mode: 'postgres', close: () => pool.end() };
  }
  const { child, socketDir } = await startEmbeddedServer(options);
  // One connection: PGlite has one backend session, which the socket server hands to one
  // connection at a time (a second would wait for the first to close), resetting it in between.
  const pool = new pg.Pool({
    host: socketDir,
    port: 5432,
    user: 'postgres',
    database: 'postgres',
    max: 1,
    idleTimeoutMillis: options.idleTimeoutMillis,
  });
  pool.on('error', (error) => console.error('嵌入式数据库连接中断：', error.message));
  return {
    db: drizzle(pool, { schema }),
    pool,
    mode: 'embedded',
    child,
    async close() {
      await pool.end();
      await stopChild(child);
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}

async function startEmbeddedServer(options: DatabaseOptions) {
  // Unix socket paths are limited to ~107 bytes, so the socket lives in a short temp directory.
  const socketDir = mkdtempSync(join(tmpdir(), 'cppcc-pg-'));
  const args = {
    dataDir: options.pgliteDir,
    socketPath: join(socketDir, '.s.PGSQL.5432'),
    templateFile: options.templateFile,
  };
  const child = fork(embeddedServerScript, [JSON.stringify(args)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(
        new Error(
          code === dataDirInUseExitCode
            ? `数据目录正被另一个进程使用：${options.pgliteDir}`
            : `嵌入式数据库启动失败（退出码 ${code}）`,
        ),
      );
    child.once('exit', onExit);
    child.once('error', reject);
    child.once('message', () => {
      child.off('exit', onExit);
      resolve();
    });
  });
  return { child, socketDir };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export async function runMigrations(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder });
  // Data a migration cannot write in SQL: the pinyin of members' names (0008_member_pinyin).
  await backfillNameSpelling(db);
}

/** Asks the embedded child to write a gzip dump of its data directory (used to build the test template). */
export function dumpEmbedded(database: Database, path: string): Promise<void> {
  const child = database.child;
  if (!child) throw new Error('not embedded');
  return new Promise((resolve) => {
    child.once('message', () => resolve());
    child.send({ type: 'dump', path });
  });
}
