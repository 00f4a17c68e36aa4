/**
 * The ceilings the app's routes are measured against, in their own process as the app is: a bare Fastify
 * answering a constant (`GET /constant`) and one primary-key SELECT through a pg pool (`GET /row`), on
 * PostgreSQL (CEILING_DATABASE_URL, a pool of 10 as the app's) or on an embedded database of its own
 * (the app's PGlite child and socket, one connection). Prints `listening <url>` once it listens.
 */
import Fastify from 'fastify';
import { openDatabase } from '../packages/server/src/db/client';

const database = await openDatabase({ databaseUrl: process.env.CEILING_DATABASE_URL || undefined });
await database.pool.query(
  'create table if not exists ceiling_rows (id integer primary key, name text not null, created_at timestamptz not null default now())',
);
await database.pool.query(`insert into ceiling_rows (id, name) values (1, '一行') on conflict do nothing`);
const app = Fastify();
app.get('/constant', async () => ({ ok: true }));
app.get('/row', async () => {
  const { rows } = await database.pool.query({
    name: 'ceiling-row',
    text: 'select id, name, created_at from ceiling_rows where id = $1',
    values: [1],
  });
  return rows[0];
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`listening ${address}`);
const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
