import { and, count, desc, eq, ilike, inArray, lt, ne, type SQL } from 'drizzle-orm';
import {
  formatDay,
  suggestionAdoptedStates,
  suggestionStateLabels,
  suggestionWorkflowTable,
  zonedDayEnd,
  type CommitteeSettings,
  type CreateSuggestionInput,
  type ListSuggestionsQuery,
  type SuggestionState,
} from '@cppcc/shared';
import type { DbOrTx } from '../../../db/client';
import { activities, activitySuggestions, units } from '../../../db/schema';
import type { ServiceContext } from '../../../lib/actor';
import { diffFields, writeAudit } from '../../../lib/audit';
import { notFound } from '../../../lib/errors';
import { likePattern, orderBy, pageOffset, toPage } from '../../../lib/list';
import { authorize, can, collectionOf } from '../../../lib/policy';
import { notifyUnits } from '../../../lib/recipients';
import { bindAttachments, checkUnits } from '../../../lib/references';
import { getSettings } from '../../../lib/settings';
import type { OwnerReadCheck } from '../../../lib/storage';
import { commandsOf, defineWorkflow } from '../../../lib/workflow';
import type { SuggestionAccess } from '../../../policies/activity-outcomes';
import {
  activityRefColumns,
  activityScopeConditions,
  filesOf,
  heldActivity,
  presentActivityRef,
} from './shared';

/** 意见建议 of activities: recorded by liaison staff, sent to a department, followed to 采纳 and 落实. */

export type SuggestionRow = typeof activitySuggestions.$inferSelect;

export const suggestionAccess = (row: SuggestionRow): SuggestionAccess => ({
  committeeId: row.committeeId,
  state: row.state as SuggestionState,
  unitId: row.unitId,
});

export const suggestionWorkflow = defineWorkflow({
  resource: 'activitySuggestion',
  table: activitySuggestions,
  transitions: suggestionWorkflowTable,
  loadAccess: async (_tx, row) => suggestionAccess(row),
  describe: (s) => s.content.slice(0, 30),
});
const suggestionCommand = commandsOf(suggestionWorkflow);

const dayEnd = (day: string | null | undefined, settings: CommitteeSettings) =>
  day ? zonedDayEnd(day, settings.timeZone) : null;

export async function createSuggestion(ctx: ServiceContext, input: CreateSuggestionInput) {
  const { actor } = ctx;
  authorize(actor, 'manage', 'activityOutcomes', collectionOf(actor));
  return ctx.db.transaction(async (tx) => {
    const settings = await getSettings(tx, actor.committeeId);
    const activity = await heldActivity(tx, actor.committeeId, input.activityId);
    if (input.unitId) await checkUnits(tx, actor.committeeId, [input.unitId], 'body.unitId');
    const [row] = await tx
      .insert(activitySuggestions)
      .values({
        committeeId: actor.committeeId,
        activityId: activity.id,
        content: input.content,
        unitId: input.unitId,
        deadline: dayEnd(input.deadline, settings),
        createdBy: actor.userId,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: 'activitySuggestion.create',
      targetType: 'activitySuggestion',
      targetId: row!.id,
      summary: `登记意见建议：${activity.topic}`,
    });
    return row!;
  });
}

export const updateSuggestion = suggestionCommand<{
  content?: string;
  unitId?: number | null;
  deadline?: string | null;
}>('update', async ({ tx, record, settings }, input) => {
  if (input.unitId) await checkUnits(tx, record.committeeId, [input.unitId], 'body.unitId');
  const patch = {
    content: input.content ?? record.content,
    unitId: input.unitId !== undefined ? input.unitId : record.unitId,
    deadline: input.deadline !== undefined ? dayEnd(input.deadline, settings) : record.deadline,
  };
  return { patch, changes: diffFields(record, patch) };
});

export const sendSuggestion = suggestionCommand<{ unitId: number; deadline: string }>(
  'send',
  async ({ tx, record, settings, now }, input) => {
    const [unit] = await checkUnits(tx, record.committeeId, [input.unitId], 'body.unitId');
    const deadline = dayEnd(input.deadline, settings)!;
    await notifyUnits(tx, record.committeeId, [input.unitId], {
      kind: 'activity.suggestionSent',
      title: '收到政协意见建议，请反馈办理情况',
      body: `请于 ${input.deadline} 前反馈：${record.content.slice(0, 60)}`,
      link: '/activity-suggestions',
    });
    return {
      patch: { unitId: input.unitId, deadline, sentAt: now },
      note: `报送${unit!.name}，${input.deadline} 前反馈`,
    };
  },
);

export const adoptSuggestion = suggestionCommand<{ feedback: string; adoptedOn: string }>(
  'adopt',
  async ({ settings }, input) => ({
    patch: { adoptionFeedback: input.feedback, adoptedOn: dayEnd(input.adoptedOn, settings) },
    note: input.feedback,
  }),
);

export const declineSuggestion = suggestionCommand<{ feedback: string }>('decline', async (_step, input) => ({
  patch: { adoptionFeedback: input.feedback, adoptedOn: null },
  note: input.feedback,
}));

export const implementSuggestion = suggestionCommand<{
  feedback: string;
  implementedOn: string;
  evidenceAttachmentIds: number[];
}>('implement', async ({ tx, ctx, record, settings }, input) => {
  await bindAttachments(
    tx,
    ctx.actor,
    input.evidenceAttachmentIds,
    { type: 'activitySuggestion', id: record.id },
    'body.evidenceAttachmentIds',
  );
  return {
    patch: {
      implementationFeedback: input.feedback,
      implementedOn: dayEnd(input.implementedOn, settings),
      evidenceAttachmentIds: input.evidenceAttachmentIds,
    },
    note: input.feedback,
  };
});

/** Takes back the last result recorded: 落实 back to 采纳, 采纳 or 未采纳 back to 报送. */
export const reopenSuggestion = suggestionCommand<{ reason: string }>('reopen', async ({ from }, input) => ({
  patch:
    from === 'implemented'
      ? { implementationFeedback: null, implementedOn: null, evidenceAttachmentIds: [] }
      : { adoptionFeedback: null, adoptedOn: null },
  note: input.reason,
}));

/** The conditions of a suggestion list (also the export's and each figure's). */
export function suggestionConditions(
  ctx: ServiceContext,
  query: Omit<ListSuggestionsQuery, 'page' | 'pageSize' | 'order'>,
  settings: CommitteeSettings,
  now = new Date(),
) {
  const a = ctx.actor;
  const conditions: (SQL | undefined)[] = [eq(activitySuggestions.committeeId, a.committeeId)];
  if (!can(a, 'overview', 'activityOutcomes', collectionOf(a))) {
    // A department sees what was sent to it, and nothing before it was sent.
    authorize(a, 'answer', 'activityOutcomes', collectionOf(a));
    conditions.push(eq(activitySuggestions.unitId, a.unitId!), ne(activitySuggestions.state, 'proposed'));
  }
  if (query.state) conditions.push(eq(activitySuggestions.state, query.state));
  if (query.unitId) conditions.push(eq(activitySuggestions.unitId, query.unitId));
  if (query.adopted) conditions.push(inArray(activitySuggestions.state, [...suggestionAdoptedStates]));
  if (query.sent) conditions.push(ne(activitySuggestions.state, 'proposed'));
  if (query.overdue)
    conditions.push(eq(activitySuggestions.state, 'sent'), lt(activitySuggestions.deadline, now));
  if (query.q) conditions.push(ilike(activitySuggestions.content, likePattern(query.q)));
  conditions.push(...activityScopeConditions(query, settings));
  return and(...conditions);
}

const suggestionColumns = {
  s: activitySuggestions,
  unitName: units.name,
  evidence: filesOf(activitySuggestions.committeeId, activitySuggestions.evidenceAttachmentIds),
  ...activityRefColumns,
};

function presentRow(
  ctx: ServiceContext,
  settings: CommitteeSettings,
  r: {
    s: SuggestionRow;
    unitName: string | null;
    evidence: { id: number; fileName: string; size: number }[];
    activityTopic: string;
    activityKind: string;
    activityStartsAt: Date;
  },
  now = new Date(),
) {
  const { s } = r;
  const state = s.state as SuggestionState;
  const day = (d: Date | null) => (d ? formatDay(d, settings.timeZone) : null);
  return {
    ...presentActivityRef(settings, { ...r, activityId: s.activityId }),
    id: s.id,
    content: s.content,
    unitId: s.unitId,
    unitName: r.unitName,
    deadline: day(s.deadline),
    overdue: state === 'sent' && s.deadline !== null && s.deadline < now,
    state,
    stateLabel: suggestionStateLabels[state],
    sentAt: s.sentAt ? s.sentAt.toISOString() : null,
    adoptionFeedback: s.adoptionFeedback,
    adoptedOn: day(s.adoptedOn),
    implementationFeedback: s.implementationFeedback,
    implementedOn: day(s.implementedOn),
    evidence: r.evidence,
    createdAt: s.createdAt.toISOString(),
    version: s.version,
    policies: suggestionWorkflow.commandPolicies(ctx, s, suggestionAccess(s)),
  };
}

const fromSuggestions = (ctx: ServiceContext) =>
  ctx.db
    .select(suggestionColumns)
    .from(activitySuggestions)
    .innerJoin(activities, eq(activities.id, activitySuggestions.activityId))
    .leftJoin(units, eq(units.id, activitySuggestions.unitId));

export async function suggestionRows(
  ctx: ServiceContext,
  query: ListSuggestionsQuery,
  settings: CommitteeSettings,
  paged = true,
) {
  const where = suggestionConditions(ctx, query, settings);
  const base = fromSuggestions(ctx)
    .where(where)
    .orderBy(
      orderBy(
        query,
        { createdAt: activitySuggestions.createdAt, deadline: activitySuggestions.deadline },
        activitySuggestions.createdAt,
      ),
      desc(activitySuggestions.id),
    );
  const rows = paged ? await base.limit(query.pageSize).offset(pageOffset(query)) : await base;
  return { items: rows.map((r) => presentRow(ctx, settings, r)), where };
}

export async function listSuggestions(ctx: ServiceContext, query: ListSuggestionsQuery) {
  const settings = await getSettings(ctx.db, ctx.actor.committeeId);
  const q = query.sort ? query : { ...query, order: 'desc' as const };
  const { items, where } = await suggestionRows(ctx, q, settings);
  const [total] = await ctx.db
    .select({ n: count() })
    .from(activitySuggestions)
    .innerJoin(activities, eq(activities.id, activitySuggestions.activityId))
    .where(where);
  return toPage(items, total?.n ?? 0, query);
}

/** One suggestion as its lists show it, for the actor who may read it. */
/** One suggestion of the actor's committee as its lists show it, read in one query, if the actor may read it. */
export async function readSuggestion(ctx: ServiceContext, id: number) {
  const [r] = await fromSuggestions(ctx).where(
    and(eq(activitySuggestions.id, id), eq(activitySuggestions.committeeId, ctx.actor.committeeId)),
  );
  if (!r) throw notFound('意见建议');
  authorize(ctx.actor, 'read', 'activitySuggestion', suggestionAccess(r.s));
  return presentRow(ctx, await getSettings(ctx.db, ctx.actor.committeeId), r);
}

export const presentSuggestion = (ctx: ServiceContext, row: SuggestionRow) => readSuggestion(ctx, row.id);

const findSuggestion = async (db: DbOrTx, committeeId: number, id: number) =>
  (
    await db
      .select()
      .from(activitySuggestions)
      .where(and(eq(activitySuggestions.id, id), eq(activitySuggestions.committeeId, committeeId)))
  )[0];

/** Files of a suggestion follow its visibility. */
export const readSuggestionFile: OwnerReadCheck = async (actor, id, db) => {
  const row = await findSuggestion(db, actor.committeeId, id);
  return row !== undefined && can(actor, 'read', 'activitySuggestion', suggestionAccess(row));
};
