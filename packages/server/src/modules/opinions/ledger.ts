import { and, eq, inArray } from 'drizzle-orm';
import { ledgerEventText, type DutyKind, type OpinionLedgerEvent, type OpinionLevel } from '@cppcc/shared';
import type { DbOrTx } from '../../db/client';
import { committees, opinionCoauthors, opinionLedger, opinions } from '../../db/schema';
import { recordDuty, withdrawDuty } from '../../lib/duty';
import { notifyMembers, notifyRoles } from '../../lib/recipients';
import type { OpinionRow } from './access';

/**
 * The adoption ledger: one row per (article, level, event). An event at one committee is written on
 * the article there and flows back down the report chain, so the county's article shows 被市级政协采用;
 * the authors behind it (of the article and of every opinion combined into it, at every level below)
 * are credited once per (article, level) with a duty record whose source is the ledger row.
 */

const ledgerDuty: Partial<Record<OpinionLedgerEvent, DutyKind>> = {
  adopted: 'opinion.adopted',
  instructed: 'opinion.instructed',
};

export async function committeeLevel(db: DbOrTx, committeeId: number): Promise<OpinionLevel> {
  const [row] = await db
    .select({ level: committees.level })
    .from(committees)
    .where(eq(committees.id, committeeId));
  return row!.level;
}

interface ChainRecord {
  record: OpinionRow;
  /** The article the record counts under in its committee: itself, or the one it was combined into. */
  articleId: number;
}

/** The record, the opinions combined into it and, below each, the child committee's article it came from. */
async function chainOf(db: DbOrTx, start: OpinionRow): Promise<ChainRecord[]> {
  const out: ChainRecord[] = [];
  const seen = new Set<number>();
  const queue: ChainRecord[] = [{ record: start, articleId: start.id }];
  while (queue.length > 0) {
    const item = queue.shift()!;
    if (seen.has(item.record.id)) continue;
    seen.add(item.record.id);
    out.push(item);
    const absorbed = await db
      .select()
      .from(opinions)
      .where(
        and(eq(opinions.committeeId, item.record.committeeId), eq(opinions.combinedIntoId, item.record.id)),
      );
    for (const r of absorbed) queue.push({ record: r, articleId: item.articleId });
    const { sourceOpinionId, sourceCommitteeId } = item.record;
    if (sourceOpinionId && sourceCommitteeId) {
      // Down the chain through the link the report made, inside the committee it names.
      const [source] = await db
        .select()
        .from(opinions)
        .where(and(eq(opinions.id, sourceOpinionId), eq(opinions.committeeId, sourceCommitteeId)));
      if (source) queue.push({ record: source, articleId: source.combinedIntoId ?? source.id });
    }
  }
  return out;
}

/** The members credited for a record: its member author and the co-authors who confirmed. */
async function authorsOf(db: DbOrTx, records: OpinionRow[]) {
  const own = records.filter((r) => r.submitterType !== 'report');
  const out: { committeeId: number; memberId: number; opinionId: number }[] = [];
  for (const r of own)
    if (r.leadMemberId) out.push({ committeeId: r.committeeId, memberId: r.leadMemberId, opinionId: r.id });
  if (own.length === 0) return out;
  const co = await db
    .select({
      opinionId: opinionCoauthors.opinionId,
      memberId: opinionCoauthors.memberId,
      committeeId: opinionCoauthors.committeeId,
    })
    .from(opinionCoauthors)
    .where(
      and(
        inArray(
          opinionCoauthors.opinionId,
          own.map((r) => r.id),
        ),
        eq(opinionCoauthors.status, 'confirmed'),
      ),
    );
  return [...out, ...co];
}

export interface LedgerEventInput {
  event: OpinionLedgerEvent;
  level: OpinionLevel;
  /** Where it happened; null for 全国政协. */
  atCommitteeId: number | null;
  note?: string | null;
  occurredAt?: Date;
}

/**
 * Writes the event on the record's article and down its chain, credits the authors, and tells the
 * staff and authors of every other committee on the chain. Writing it again changes nothing.
 */
export async function recordLedgerEvent(db: DbOrTx, start: OpinionRow, input: LedgerEventInput) {
  const chain = await chainOf(db, start);
  const rowIdOf = new Map<number, number>();
  const occurredAt = input.occurredAt ?? new Date();
  for (const { record, articleId } of chain) {
    if (record.id !== articleId || rowIdOf.has(articleId)) continue;
    await db
      .insert(opinionLedger)
      .values({
        committeeId: record.committeeId,
        opinionId: articleId,
        level: input.level,
        event: input.event,
        atCommitteeId: input.atCommitteeId,
        note: input.note ?? null,
        occurredAt,
      })
      .onConflictDoNothing();
    const [row] = await db
      .select({ id: opinionLedger.id })
      .from(opinionLedger)
      .where(
        and(
          eq(opinionLedger.opinionId, articleId),
          eq(opinionLedger.level, input.level),
          eq(opinionLedger.event, input.event),
        ),
      );
    rowIdOf.set(articleId, row!.id);
  }
  const kind = ledgerDuty[input.event];
  const records = chain.map((c) => c.record);
  if (kind) {
    const articleOf = new Map(chain.map((c) => [c.record.id, c.articleId]));
    for (const author of await authorsOf(db, records)) {
      const rowId = rowIdOf.get(articleOf.get(author.opinionId)!);
      if (rowId === undefined) continue;
      await recordDuty(db, {
        committeeId: author.committeeId,
        memberId: author.memberId,
        kind,
        sourceType: 'opinionLedger',
        sourceId: rowId,
        level: input.level,
        occurredOn: occurredAt,
      });
    }
  }
  const text = ledgerEventText(input.event, input.level);
  for (const { record, articleId } of chain) {
    if (record.id !== articleId || record.id === start.id) continue;
    const notice = {
      kind: `opinion.${input.event}`,
      title: `社情民意信息${text}：${record.editedTitle ?? record.title}`,
      link: `/opinions/${record.id}`,
    };
    await notifyRoles(db, record.committeeId, ['opinionStaff'], notice);
  }
  for (const author of await authorsOf(db, records))
    await notifyMembers(db, author.committeeId, [author.memberId], {
      kind: `opinion.${input.event}`,
      title: `您的社情民意信息${text}`,
      link: `/opinions/${author.opinionId}`,
    });
}

/** Takes an event back (a decision reversed): its rows down the chain and the duty records they gave. */
export async function revokeLedgerEvent(
  db: DbOrTx,
  start: OpinionRow,
  event: OpinionLedgerEvent,
  level: OpinionLevel,
) {
  const chain = await chainOf(db, start);
  const articleIds = [...new Set(chain.filter((c) => c.record.id === c.articleId).map((c) => c.articleId))];
  const removed = await db
    .delete(opinionLedger)
    .where(
      and(
        inArray(opinionLedger.opinionId, articleIds),
        eq(opinionLedger.level, level),
        eq(opinionLedger.event, event),
      ),
    )
    .returning({ id: opinionLedger.id, committeeId: opinionLedger.committeeId });
  for (const row of removed)
    await withdrawDuty(db, { committeeId: row.committeeId, sourceType: 'opinionLedger', sourceId: row.id });
  return removed.length;
}

/** Credits or withdraws `opinion.submitted` for a record's authors. */
export async function creditSubmission(db: DbOrTx, record: OpinionRow, now: Date) {
  for (const author of await authorsOf(db, [record]))
    await recordDuty(db, {
      committeeId: author.committeeId,
      memberId: author.memberId,
      kind: 'opinion.submitted',
      sourceType: 'opinion',
      sourceId: record.id,
      occurredOn: now,
    });
}
export const withdrawSubmissionCredit = (db: DbOrTx, record: OpinionRow) =>
  withdrawDuty(db, {
    committeeId: record.committeeId,
    sourceType: 'opinion',
    sourceId: record.id,
    kind: 'opinion.submitted',
  });
