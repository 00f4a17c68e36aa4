import { eq } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client';
import { dataRevisions } from '../db/schema';

/**
 * A committee's data revision (migration 0010): raised, in the writing transaction, by every statement that
 * changes a row the proposal lists and figures read. A committee nothing was written for yet is at 0.
 */
export async function dataRevision(db: DbOrTx, committeeId: number): Promise<number> {
  const [row] = await db
    .select({ revision: dataRevisions.revision })
    .from(dataRevisions)
    .where(eq(dataRevisions.committeeId, committeeId));
  return row?.revision ?? 0;
}

interface Entry<T> {
  revision: number;
  /** Until when the value holds even without a write (a deadline passing changes what is overdue). */
  validUntil: number;
  value: T;
}

/**
 * Values computed from a committee's records, each kept with the revision it was computed at: a read at
 * the same revision gets the kept value instead of counting again. The revision is read before and after
 * the computation, and the value is kept only when no write committed in between, so a kept value is
 * never older than the revision it is filed under. Inside a transaction it always computes. Bounded: the
 * least recently used entries go first.
 */
export class RevisionCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly capacity = 500) {}

  async get(
    db: DbOrTx,
    committeeId: number,
    key: string,
    compute: () => Promise<{ value: T; validUntil?: Date | null }>,
  ): Promise<T> {
    // Inside a transaction the revision may count the transaction's own writes, which can still roll back.
    if (db instanceof PgTransaction) return (await compute()).value;
    const fullKey = `${committeeId}\u0000${key}`;
    const before = await dataRevision(db, committeeId);
    const kept = this.entries.get(fullKey);
    if (kept && kept.revision === before && Date.now() < kept.validUntil) {
      // Refreshes its place in the recency order.
      this.entries.delete(fullKey);
      this.entries.set(fullKey, kept);
      return kept.value;
    }
    const { value, validUntil } = await compute();
    if ((await dataRevision(db, committeeId)) === before) {
      this.entries.delete(fullKey);
      this.entries.set(fullKey, {
        revision: before,
        validUntil: validUntil ? validUntil.getTime() : Number.POSITIVE_INFINITY,
        value,
      });
      if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    }
    return value;
  }

  clear() {
    this.entries.clear();
  }
}
