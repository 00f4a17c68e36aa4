import { loadConfig } from './env';
import { openDatabase, runMigrations } from './db/client';
import { buildApp } from './app';
import { seedOnEmpty } from './db/seed';
import { refreshAssignmentModels } from './modules/search/assignment-hints';
import { refreshTermStats } from './modules/search/similar';
import { syncAllSearchIndexes } from './modules/search/sync';
import { purgeIdleSessions } from './lib/auth';
import { runProposalReminders } from './modules/proposals/reminders';
import { runActivityReminders } from './modules/activities/reminders';
import { purgeUnattachedUploads } from './lib/storage';
import { serveBackupControl } from './backup/control';

const config = loadConfig();
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  pgliteDir: `${config.dataDir}/pgdata`,
  idleTimeoutMillis: config.databaseIdleSeconds * 1000,
});
await runMigrations(database.db);
const app = await buildApp({ database, config, webDist: config.webDist });
// After the app is built: demo data is written through the modules' use cases, under their installed rules.
const seeded = config.seedDemo === 'none' ? null : await seedOnEmpty(database.db, config);
const address = await app.listen({ port: config.port, host: config.host });
// `npm run backup` reaches the embedded database through this process, which owns it.
const backupControl = await serveBackupControl(database, config);

// Deadline reminders come from the clock, not from people remembering: hourly, and once at start-up.
const remindProposals = () =>
  runProposalReminders(database.db).catch((e) => console.error('提案提醒任务失败', e));
void remindProposals();
setInterval(remindProposals, 60 * 60 * 1000).unref();
// Activity reminders a day before the start: every ten minutes, so a meeting set up today is still reminded.
const remindActivities = () =>
  runActivityReminders(database.db).catch((e) => console.error('活动提醒任务失败', e));
void remindActivities();
setInterval(remindActivities, 10 * 60 * 1000).unref();

// The search index, kept current by every search; also brought up to date here, every five minutes,
// with the word frequencies of similar items and the unit suggestions learned again off the request path.
const indexSearch = () =>
  syncAllSearchIndexes(database.db, (committeeId) =>
    Promise.all([
      refreshTermStats(database.db, committeeId),
      refreshAssignmentModels(database.db, committeeId),
    ]),
  ).catch((e) => console.error('搜索索引更新失败', e));
void indexSearch();
setInterval(indexSearch, 5 * 60 * 1000).unref();

// Housekeeping: sessions idle past the longest allowed timeout, and uploads never attached to a record.
const housekeeping = () =>
  Promise.all([purgeIdleSessions(database.db, 24 * 60), purgeUnattachedUploads(database.db, config)]).catch(
    (e) => console.error('清理任务失败', e),
  );
void housekeeping();
setInterval(housekeeping, 6 * 60 * 60 * 1000).unref();

console.log(`政协履职平台已启动：${address.replace('127.0.0.1', 'localhost')}`);
console.log(
  `数据库：${database.mode === 'embedded' ? `嵌入式 PGlite（${config.dataDir}/pgdata）` : 'PostgreSQL'}`,
);
if (seeded) {
  console.log('演示账号（每个角色一个）：');
  for (const account of seeded.accounts) console.log(`  ${account.username.padEnd(16)} ${account.label}`);
  console.log(
    `演示密码：${seeded.password}${seeded.passwordGenerated ? '（随机生成；设置 DEMO_PASSWORD 可固定）' : ''}`,
  );
}

let closing = false;
async function shutdown() {
  if (closing) return;
  closing = true;
  await backupControl?.close();
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
