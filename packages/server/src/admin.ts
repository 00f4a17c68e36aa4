import { loadConfig } from './env';
import { openDatabase, runMigrations } from './db/client';
import { AppError } from './lib/errors';
import {
  createAdminFromCommandLine,
  enableFromCommandLine,
  resetPasswordFromCommandLine,
} from './modules/accounts/command-line';

/**
 * `npm run admin -- <command>`: set-up and recovery of administrator accounts on the server itself
 * (三员分立 in the web needs two administrators; whoever holds the server is the second).
 * On the embedded database the platform must be stopped first: one process per data directory.
 */
const usage = `用法：
  npm run admin -- create-admin <用户名> <姓名> <sysAdmin|securityAdmin|auditAdmin> [--committee <编号>]
  npm run admin -- reset-password <用户名>
  npm run admin -- enable <用户名>`;

const [command, ...args] = process.argv.slice(2);
const committeeFlag = args.indexOf('--committee');
const committeeId = committeeFlag >= 0 ? Number(args.splice(committeeFlag, 2)[1]) : undefined;

const config = loadConfig();
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  pgliteDir: `${config.dataDir}/pgdata`,
  idleTimeoutMillis: config.databaseIdleSeconds * 1000,
});
let code = 0;
try {
  await runMigrations(database.db);
  if (command === 'reset-password' && args.length === 1) {
    const { user, initialPassword } = await resetPasswordFromCommandLine(database.db, args[0]!);
    console.log(`账号 ${user.username}（${user.displayName}）的一次性密码：${initialPassword}`);
    console.log('首次登录须修改密码；已解除锁定并结束其全部登录会话。');
  } else if (command === 'enable' && args.length === 1) {
    const user = await enableFromCommandLine(database.db, args[0]!);
    console.log(`已启用账号 ${user.username}（${user.displayName}）。`);
  } else if (command === 'create-admin' && args.length === 3) {
    const [username, displayName, role] = args as [string, string, string];
    const { user, initialPassword } = await createAdminFromCommandLine(database.db, {
      username,
      displayName,
      role,
      committeeId,
    });
    console.log(`已创建账号 ${user.username}（${user.displayName}），一次性密码：${initialPassword}`);
    console.log('首次登录须修改密码。');
  } else {
    console.error(usage);
    code = 2;
  }
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  console.error(error.message);
  code = 1;
} finally {
  await database.close();
}
process.exit(code);
