import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import type pg from 'pg';
import { serialize } from 'pg-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, openTestDatabase, type TestContext } from '../../test/harness';
import { buildProposal, signedInUser } from '../../test/factories';
import { proposalWorld } from '../modules/proposals/proposal-world.fixture';
import type { Database } from './client';

/**
 * A pooled connection is closed after its idle timeout and another one is opened later. On the
 * embedded database both are served by PGlite's one backend session, so what the first one left
 * there must be gone before the second runs its first query; on PostgreSQL every connection has
 * its own backend and the same checks hold trivially.
 */
const embedded = !process.env.DATABASE_URL;
const idleTimeoutMillis = 300;

async function untilIdleClosed(database: Database) {
  await expect.poll(() => database.pool.totalCount, { timeout: 5_000, interval: 50 }).toBe(0);
}

describe('a connection that goes away', () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ database, drop } = await openTestDatabase({ idleTimeoutMillis }));
    await database.pool.query('create table scratch_rows (n int)');
  });
  afterAll(() => drop());

  const sessionLeftovers = async () => {
    const { rows } = await database.pool.query<Record<string, unknown>>(`
      select txid_current_if_assigned() as transaction,
             (select count(*)::int from pg_prepared_statements) as prepared,
             current_setting('application_name') as application_name,
             current_setting('statement_timeout') as statement_timeout,
             (select count(*)::int from pg_listening_channels()) as listening,
             to_regclass('pg_temp.leftover_temp')::text as temp_table,
             (select count(*)::int from scratch_rows) as rows`);
    return rows[0];
  };
  const clean = {
    transaction: null,
    prepared: 0,
    application_name: '',
    statement_timeout: '0',
    listening: 0,
    temp_table: null,
    rows: 0,
  };

  it('in the middle of a transaction leaves no transaction, session state, lock or data behind', async () => {
    const client = await database.pool.connect();
    await client.query("set application_name = 'leftover'");
    await client.query("set statement_timeout = '5s'");
    await client.query({ name: 'leftover_statement', text: 'select 1' });
    await client.query('select pg_advisory_lock(4242)');
    await client.query('create temp table leftover_temp (n int)');
    await client.query('listen leftover_channel');
    await client.query('begin');
    await client.query('insert into scratch_rows values (1)');
    // The client dies without a word: no ROLLBACK, no Terminate message.
    (client as unknown as { connection: { stream: Socket } }).connection.stream.destroy();
    client.release(new Error('connection dropped'));

    // PostgreSQL ends the dead backend a moment later; the embedded server before the next client.
    await expect.poll(sessionLeftovers, { timeout: 5_000, interval: 100 }).toEqual(clean);
    // The lock is taken and given back on one client: PostgreSQL frees a dead backend's locks as
    // it exits, which may be a moment after another backend already reads the session as clean.
    const prober = await database.pool.connect();
    const lockTaken = async () =>
      (await prober.query<{ locked: boolean }>('select pg_try_advisory_lock(4242) as locked')).rows[0]
        ?.locked;
    await expect.poll(lockTaken, { timeout: 5_000, interval: 100 }).toBe(true);
    await prober.query('select pg_advisory_unlock_all()');
    prober.release();
    // The next connection writes and commits as usual.
    await database.pool.query('insert into scratch_rows values (2)');
    expect((await database.pool.query('select n from scratch_rows')).rows).toEqual([{ n: 2 }]);
    await database.pool.query('delete from scratch_rows');
  });

  it('after its idle timeout is replaced by one that can prepare the same statements', async () => {
    const prepared = { name: 'reused_statement', text: 'select count(*)::int as n from scratch_rows' };
    expect((await database.pool.query(prepared)).rows).toEqual([{ n: 0 }]);
    await untilIdleClosed(database);
    expect((await database.pool.query(prepared)).rows).toEqual([{ n: 0 }]);
    expect(await sessionLeftovers()).toEqual({ ...clean, prepared: 1 });
  });

  describe.skipIf(!embedded)('speaking the wire protocol to the embedded server', () => {
    /** A raw client that can stop in the middle of an extended-protocol sequence. */
    async function rawClient() {
      await untilIdleClosed(database);
      const host = (database.pool as unknown as { options: pg.PoolConfig }).options.host!;
      const socket = connect(join(host, '.s.PGSQL.5432'));
      let received = Buffer.alloc(0);
      socket.on('data', (chunk) => (received = Buffer.concat([received, chunk])));
      const typesReceived = () => {
        const types: string[] = [];
        for (let at = 0; at + 5 <= received.length; at += 1 + received.readInt32BE(at + 1))
          types.push(String.fromCharCode(received[at]!));
        return types;
      };
      const waitFor = (type: string) =>
        expect.poll(() => typesReceived().includes(type), { timeout: 5_000, interval: 20 }).toBe(true);
      socket.write(serialize.startup({ user: 'postgres', database: 'postgres' }));
      await waitFor('Z');
      received = Buffer.alloc(0);
      return { socket, waitFor };
    }

    /** Parse, bind, execute and flush `text` with no Sync, wait for the `answer` message, then drop the connection. */
    async function hangUpAfterExtendedQuery(text: string, answer: 'C' | 'E') {
      const { socket, waitFor } = await rawClient();
      for (const message of [
        serialize.parse({ text }),
        serialize.bind(),
        serialize.execute(),
        serialize.flush(),
      ])
        socket.write(message);
      await waitFor(answer);
      socket.destroy();
    }

    it('rolls back a write whose Sync never came', async () => {
      await hangUpAfterExtendedQuery('insert into scratch_rows values (3)', 'C');
      expect(await sessionLeftovers()).toEqual(clean);
    });

    it('recovers from a failed extended-protocol sequence that skips until Sync', async () => {
      await hangUpAfterExtendedQuery('select 1 / 0', 'E');
      expect(await sessionLeftovers()).toEqual(clean);
    });

    it('ends a failed explicit transaction', async () => {
      const { socket, waitFor } = await rawClient();
      socket.write(serialize.query('begin; insert into scratch_rows values (4); select 1 / 0'));
      await waitFor('E');
      await waitFor('Z');
      socket.destroy();
      expect(await sessionLeftovers()).toEqual(clean);
    });

    it('serves a second connection after the first closes instead of refusing it', async () => {
      const { socket } = await rawClient();
      // The pool's next connection waits for the raw one to go away.
      const waiting = database.pool.query<{ one: number }>('select 1 as one');
      setTimeout(() => socket.end(serialize.end()), 200);
      expect((await waiting).rows).toEqual([{ one: 1 }]);
    });
  });
});

describe('signed-in requests after the pool was idle', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestApp({}, { idleTimeoutMillis });
  });
  afterAll(() => t.close());

  it('keep answering: the session, the current user, a proposal and the health check', async () => {
    const w = await proposalWorld(t);
    const proposal = await buildProposal(t.database.db, w.committee.id, {
      sessionId: w.session.id,
      state: 'submitted',
    });
    const staff = await signedInUser(t.app, w.committee.id, ['proposalStaff']);
    const read = async () =>
      Promise.all(
        ['/api/auth/me', `/api/proposals/${proposal.id}`, '/api/health'].map(async (url) => {
          const res = await t.app.inject({ method: 'GET', url, headers: as(staff) });
          return `${url} ${res.statusCode}`;
        }),
      );
    const allOk = ['/api/auth/me 200', `/api/proposals/${proposal.id} 200`, '/api/health 200'];
    expect(await read()).toEqual(allOk);
    for (let round = 0; round < 2; round += 1) {
      await untilIdleClosed(t.database);
      expect(await read()).toEqual(allOk);
    }
  });

  it('a login the database refuses (a NUL byte) leaves the signed-in path working', async () => {
    const w = await proposalWorld(t);
    const staff = await signedInUser(t.app, w.committee.id, ['proposalStaff']);
    const me = () => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(staff) });
    expect((await me()).statusCode).toBe(200);
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'x\u0000', password: 'x' },
    });
    for (let round = 0; round < 3; round += 1) expect((await me()).statusCode).toBe(200);
  });

  it('health fails when the session lookup fails, instead of answering ok', async () => {
    // A statement of the same name already in the session makes the prepared lookup fail, as a
    // connection's leftovers did before sessions were reset. (The pool hands out its idle
    // connection again, so on PostgreSQL too the health check meets the prepared one.)
    await untilIdleClosed(t.database);
    const client = await t.database.pool.connect();
    await client.query('prepare load_session as select 1');
    client.release();
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    // The failed query cost the pool its connection, and the next one starts clean.
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
