// `npm run backup` and `npm run restore`: see README (备份与恢复) and docs/decisions.md.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client';
import { loadConfig } from '../env';
import { pruneBackups, takeBackup, type BackupResult } from './backup';
import { requestServerBackup } from './control';
import { restoreBackup } from './restore';
import type { BackupManifest } from './manifest';

/** Paths typed on the command line are relative to where the user typed them, not to the workspace npm runs in. */
const typedPath = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);

async function backup(args: string[]) {
  const { values } = parseArgs({ args, options: { to: { type: 'string' }, keep: { type: 'string' } } });
  const keep = values.keep === undefined ? undefined : Number(values.keep);
  if (keep !== undefined && !(Number.isInteger(keep) && keep >= 1)) throw new Error('--keep 应为正整数');
  const config = loadConfig();
  const root = values.to ? typedPath(values.to) : resolve(process.env.BACKUP_DIR ?? 'backups');
  const result = config.databaseUrl
    ? await backupPostgres(config.databaseUrl, config.uploadDir, root)
    : await backupEmbedded(config.dataDir, config.uploadDir, root);
  report(result);
  if (keep !== undefined) {
    const removed = await pruneBackups(root, keep);
    if (removed.length > 0) console.log(`按保留 ${keep} 份的设置删除了旧备份：${removed.join('、')}`);
  }
}

async function backupEmbedded(dataDir: string, uploadDir: string, root: string): Promise<BackupResult> {
  // A running server owns the data directory: it takes the backup. Otherwise we open it ourselves.
  const viaServer = await requestServerBackup(dataDir, root);
  if (viaServer) return viaServer;
  const pgdata = join(dataDir, 'pgdata');
  if (!existsSync(pgdata)) throw new Error(`数据目录 ${dataDir} 中没有数据库`);
  const database = await openDatabase({ pgliteDir: pgdata });
  try {
    return await takeBackup({ database, uploadDir }, root);
  } finally {
    await database.close();
  }
}

async function backupPostgres(databaseUrl: string, uploadDir: string, root: string): Promise<BackupResult> {
  const database = await openDatabase({ databaseUrl, poolSize: 2 });
  try {
    return await takeBackup({ database, uploadDir, databaseUrl }, root);
  } finally {
    await database.close();
  }
}

function report({ path, manifest }: BackupResult) {
  console.log(`备份完成：${path}`);
  console.log(summary(manifest));
  console.log(`写入暂停 ${manifest.timings.freezeMs} ms，共用时 ${manifest.timings.totalMs} ms`);
  if (manifest.uploads.missing.length > 0)
    console.warn(
      `注意：${manifest.uploads.missing.length} 个附件在备份前已不在磁盘上：${manifest.uploads.missing.join('、')}`,
    );
}

function summary(manifest: BackupManifest) {
  const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
  const mode = manifest.mode === 'embedded' ? '嵌入式数据库' : 'PostgreSQL';
  return `${mode}，时间 ${manifest.takenAt}，迁移 ${manifest.migration.last}，${Object.keys(manifest.tables).length} 张表共 ${rows} 行，附件 ${manifest.uploads.files} 个（${Math.round(manifest.uploads.bytes / 1024)} KB）`;
}

async function restore(args: string[]) {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new Error('用法：npm run restore -- <备份目录>');
  const config = loadConfig();
  const folder = typedPath(positionals[0]!);
  const manifest = await restoreBackup(folder, {
    dataDir: config.dataDir,
    uploadDir: config.uploadDir,
    databaseUrl: config.databaseUrl,
  });
  console.log(`恢复完成：${folder}`);
  console.log(summary(manifest));
  console.log('各表行数已与备份清单核对一致。启动服务即可使用。');
}

const [command, ...args] = process.argv.slice(2);
try {
  if (command === 'backup') await backup(args);
  else if (command === 'restore') await restore(args);
  else throw new Error('用法：cli.ts backup|restore …');
} catch (error) {
  console.error(`失败：${(error as Error).message}`);
  process.exitCode = 1;
}
