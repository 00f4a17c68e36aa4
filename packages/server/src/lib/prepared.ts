import { PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client';

/**
 * A statement that every request runs, built by Drizzle and prepared under its name once per database
 * handle, so neither Drizzle nor the database builds or parses it again. A transaction prepares its own on
 * its connection (the same name and text, which the driver prepares once per connection).
 */
export function preparedPerDatabase<Db extends DbOrTx, Query>(prepare: (db: Db) => Query): (db: Db) => Query {
  const prepared = new WeakMap<Db, Query>();
  return (db) => {
    if (db instanceof PgTransaction) return prepare(db);
    let query = prepared.get(db);
    if (!query) {
      query = prepare(db);
      prepared.set(db, query);
    }
    return query;
  };
}
