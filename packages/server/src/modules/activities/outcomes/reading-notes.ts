import { and, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import {
  readingNoteStateLabels,
  readingNoteWorkflowTable,
  type CommitteeSettings,
  type CreateReadingNoteInput,
  type ListReadingNotesQuery,
  type ReadingNoteState,
} from '@cppcc/shared';
import type { DbOrTx } from '../../../db/client';
import { activities, members, readingNotes } from '../../../db/schema';
import type { ServiceContext } from '../../../lib/actor';
import { writeAudit } from '../../../lib/audit';
import { recordDuty, withdrawDuty } from '../../../lib/duty';
import { notFound } from '../../../lib/errors';
import { likePattern, orderBy, pageOffset, toPage } from '../../../lib/list';
import { authorize, can, collectionOf } from '../../../lib/policy';
import { getSettings } from '../../../lib/settings';
import { commandsOf, defineWorkflow } from '../../../lib/workflow';
import { periodConditions } from '../../../lib/where';
import type { ReadingNoteAccess } from '../../../policies/activity-outcomes';
import { heldActivity } from './shared';

/** 读书笔记: a member's note on a book, counted as duty (`reading.note`) while it stands. */

export type ReadingNoteRow = typeof readingNotes.$inferSelect;

const accessOf = (row: ReadingNoteRow): ReadingNoteAccess => ({
  committeeId: row.committeeId,
  state: row.state as ReadingNoteState,
  memberId: row.memberId,
});

export const readingNoteWorkflow = defineWorkflow({
  resource: 'readingNote',
  table: readingNotes,
  transitions: readingNoteWorkflowTable,
  loadAccess: async (_tx, row) => accessOf(row),
  describe: (n) => n.title,
});
const noteCommand = commandsOf(readingNoteWorkflow);

const uncredit = (db: DbOrTx, note: ReadingNoteRow) =>
  withdrawDuty(db, { committeeId: note.committeeId, sourceType: 'readingNote', sourceId: note.id });

export async function createReadingNote(ctx: ServiceContext, input: CreateReadingNoteInput) {
  const { actor } = ctx;
  authorize(actor, 'write', 'activityOutcomes', collectionOf(actor));
  return ctx.db.transaction(async (tx) => {
    if (input.activityId !== null) await heldActivity(tx, actor.committeeId, input.activityId);
    const [row] = await tx
      .insert(readingNotes)
      .values({
        committeeId: actor.committeeId,
        memberId: actor.memberId!,
        activityId: input.activityId,
        bookTitle: input.bookTitle,
        title: input.title,
        content: input.content,
      })
      .returning();
    const note = row!;
    await recordDuty(tx, {
      committeeId: note.committeeId,
      memberId: note.memberId,
      kind: 'reading.note',
      sourceType: 'readingNote',
      sourceId: note.id,
      occurredOn: note.createdAt,
      detail: { bookTitle: note.bookTitle },
    });
    await writeAudit(tx, actor, {
      action: 'readingNote.create',
      targetType: 'readingNote',
      targetId: note.id,
      summary: `提交读书笔记：《${note.bookTitle}》${note.title}`,
    });
    return note;
  });
}

export const returnReadingNote = noteCommand<{ reason: string }>(
  'returnNote',
  async ({ tx, record }, input) => {
    await uncredit(tx, record);
    return { patch: { returnReason: input.reason }, note: input.reason };
  },
);

export const withdrawReadingNote = noteCommand('withdraw', async ({ tx, record }) => {
  await uncredit(tx, record);
});

export function readingNoteConditions(
  ctx: ServiceContext,
  query: Omit<ListReadingNotesQuery, 'page' | 'pageSize' | 'order'>,
  settings: CommitteeSettings,
) {
  const a = ctx.actor;
  const conditions: (SQL | undefined)[] = [eq(readingNotes.committeeId, a.committeeId)];
  if (query.mine || !can(a, 'overview', 'activityOutcomes', collectionOf(a))) {
    authorize(a, 'write', 'activityOutcomes', collectionOf(a));
    conditions.push(eq(readingNotes.memberId, a.memberId!));
  }
  if (query.memberId) conditions.push(eq(readingNotes.memberId, query.memberId));
  if (query.activityId) conditions.push(eq(readingNotes.activityId, query.activityId));
  if (query.state) conditions.push(eq(readingNotes.state, query.state));
  if (query.q)
    conditions.push(
      or(
        ilike(readingNotes.title, likePattern(query.q)),
        ilike(readingNotes.bookTitle, likePattern(query.q)),
      ),
    );
  conditions.push(...periodConditions(readingNotes.createdAt, query, settings.timeZone));
  return and(...conditions);
}

const fromNotes = (ctx: ServiceContext) =>
  ctx.db
    .select({ n: readingNotes, memberName: members.name, activityTopic: activities.topic })
    .from(readingNotes)
    .innerJoin(members, eq(members.id, readingNotes.memberId))
    .leftJoin(activities, eq(activities.id, readingNotes.activityId));

function presentRow(
  ctx: ServiceContext,
  r: { n: ReadingNoteRow; memberName: string; activityTopic: string | null },
) {
  const { n } = r;
  const state = n.state as ReadingNoteState;
  return {
    id: n.id,
    memberId: n.memberId,
    memberName: r.memberName,
    activityId: n.activityId,
    activityTopic: r.activityTopic,
    bookTitle: n.bookTitle,
    title: n.title,
    content: n.content,
    state,
    stateLabel: readingNoteStateLabels[state],
    returnReason: n.returnReason,
    createdAt: n.createdAt.toISOString(),
    version: n.version,
    policies: readingNoteWorkflow.commandPolicies(ctx, n, accessOf(n)),
  };
}

export async function readingNoteRows(
  ctx: ServiceContext,
  query: ListReadingNotesQuery,
  settings: CommitteeSettings,
  paged = true,
) {
  const where = readingNoteConditions(ctx, query, settings);
  const base = fromNotes(ctx)
    .where(where)
    .orderBy(
      orderBy(query, { createdAt: readingNotes.createdAt }, readingNotes.createdAt),
      desc(readingNotes.id),
    );
  const rows = paged ? await base.limit(query.pageSize).offset(pageOffset(query)) : await base;
  return { items: rows.map((r) => presentRow(ctx, r)), where };
}

export async function listReadingNotes(ctx: ServiceContext, query: ListReadingNotesQuery) {
  const settings = await getSettings(ctx.db, ctx.actor.committeeId);
  const q = query.sort ? query : { ...query, order: 'desc' as const };
  const { items, where } = await readingNoteRows(ctx, q, settings);
  const [total] = await ctx.db.select({ n: count() }).from(readingNotes).where(where);
  return toPage(items, total?.n ?? 0, query);
}

/** One reading note of the actor's committee, read in one query, if the actor may read it. */
export async function readReadingNote(ctx: ServiceContext, id: number) {
  const [r] = await fromNotes(ctx).where(
    and(eq(readingNotes.id, id), eq(readingNotes.committeeId, ctx.actor.committeeId)),
  );
  if (!r) throw notFound('读书笔记');
  authorize(ctx.actor, 'read', 'readingNote', accessOf(r.n));
  return presentRow(ctx, r);
}

export const presentReadingNote = (ctx: ServiceContext, row: ReadingNoteRow) => readReadingNote(ctx, row.id);
