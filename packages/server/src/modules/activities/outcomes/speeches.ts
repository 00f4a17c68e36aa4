import { and, count, desc, eq, ilike, inArray, type SQL } from 'drizzle-orm';
import {
  speechGivenStates,
  speechModeLabels,
  speechStateLabels,
  speechWorkflowTable,
  type CommitteeSettings,
  type CreateSpeechInput,
  type ListSpeechesQuery,
  type SpeechMode,
  type SpeechState,
} from '@cppcc/shared';
import type { DbOrTx } from '../../../db/client';
import { activities, activityInvitations, activitySpeeches, members } from '../../../db/schema';
import type { ServiceContext } from '../../../lib/actor';
import { writeAudit } from '../../../lib/audit';
import { recordDuty, withdrawDuty } from '../../../lib/duty';
import { AppError, invalidField, notFound } from '../../../lib/errors';
import { likePattern, orderBy, pageOffset, toPage } from '../../../lib/list';
import { authorize, can, collectionOf } from '../../../lib/policy';
import { bindAttachments, checkMembers } from '../../../lib/references';
import { getSettings } from '../../../lib/settings';
import type { OwnerReadCheck } from '../../../lib/storage';
import { commandsOf, defineWorkflow } from '../../../lib/workflow';
import type { SpeechAccess } from '../../../policies/activity-outcomes';
import { kindOf } from '../rules';
import type { ActivityRow } from '../workflow';
import {
  activityRefColumns,
  activityScopeConditions,
  filesOf,
  heldActivity,
  presentActivityRef,
} from './shared';

/** Speeches at activities (大会发言 / 会议发言): a member's written one, or one staff record. */

export type SpeechRow = typeof activitySpeeches.$inferSelect;

const accessOf = (row: SpeechRow): SpeechAccess => ({
  committeeId: row.committeeId,
  state: row.state as SpeechState,
  memberId: row.memberId,
});

export const speechWorkflow = defineWorkflow({
  resource: 'activitySpeech',
  table: activitySpeeches,
  transitions: speechWorkflowTable,
  loadAccess: async (_tx, row) => accessOf(row),
  describe: (s) => s.title,
});
const speechCommand = commandsOf(speechWorkflow);

/** A speech at the plenary is a 大会发言; elsewhere a 会议发言. */
const isPlenary = (kind: string) => kind === 'plenary';
const occasionOf = (kind: string) => (isPlenary(kind) ? '大会发言' : '会议发言');

const activityOfSpeech = async (db: DbOrTx, speech: SpeechRow) =>
  (
    await db
      .select()
      .from(activities)
      .where(and(eq(activities.id, speech.activityId), eq(activities.committeeId, speech.committeeId)))
  )[0]!;

async function creditSpeech(
  db: DbOrTx,
  speech: SpeechRow,
  activity: ActivityRow,
  settings: CommitteeSettings,
) {
  await recordDuty(db, {
    committeeId: speech.committeeId,
    memberId: speech.memberId,
    kind: 'speech.given',
    sourceType: 'activitySpeech',
    sourceId: speech.id,
    occurredOn: activity.startsAt,
    detail: {
      activityKind: activity.kind,
      kindLabel: kindOf(settings, activity.kind).label,
      mode: speech.mode,
      occasion: occasionOf(activity.kind),
    },
  });
}

/**
 * A member submits their own written speech for an activity they were invited to; liaison staff
 * record a speech (written or oral) for any member, accepted at once and counted.
 */
export async function createSpeech(ctx: ServiceContext, input: CreateSpeechInput) {
  const { actor } = ctx;
  const byStaff = input.memberId !== undefined;
  authorize(actor, byStaff ? 'manage' : 'write', 'activityOutcomes', collectionOf(actor));
  return ctx.db.transaction(async (tx) => {
    const settings = await getSettings(tx, actor.committeeId);
    const activity = await heldActivity(tx, actor.committeeId, input.activityId);
    let memberId: number;
    if (byStaff) {
      await checkMembers(tx, actor.committeeId, [input.memberId!], 'body.memberId');
      memberId = input.memberId!;
    } else {
      if (input.mode !== 'written') throw invalidField('body.mode', '口头发言由工作人员登记，请提交书面发言');
      memberId = actor.memberId!;
      const [invited] = await tx
        .select({ id: activityInvitations.id })
        .from(activityInvitations)
        .where(
          and(eq(activityInvitations.activityId, activity.id), eq(activityInvitations.memberId, memberId)),
        );
      if (!invited) throw new AppError('FORBIDDEN', '只能为受邀参加的活动提交发言');
    }
    const [row] = await tx
      .insert(activitySpeeches)
      .values({
        committeeId: actor.committeeId,
        activityId: activity.id,
        memberId,
        mode: input.mode,
        title: input.title,
        content: input.content ?? null,
        attachmentIds: input.attachmentIds,
        state: byStaff ? 'accepted' : 'submitted',
        createdBy: actor.userId,
      })
      .returning();
    const speech = row!;
    await bindAttachments(
      tx,
      actor,
      input.attachmentIds,
      { type: 'activitySpeech', id: speech.id },
      'body.attachmentIds',
    );
    if (byStaff) await creditSpeech(tx, speech, activity, settings);
    await writeAudit(tx, actor, {
      action: 'activitySpeech.create',
      targetType: 'activitySpeech',
      targetId: speech.id,
      summary: `${byStaff ? '登记' : '提交'}${speechModeLabels[input.mode]}：${speech.title}（${activity.topic}）`,
    });
    return speech;
  });
}

export const acceptSpeech = speechCommand('accept', async ({ tx, record, settings }) => {
  await creditSpeech(tx, record, await activityOfSpeech(tx, record), settings);
});

export const declineSpeech = speechCommand<{ note: string }>('decline', async ({ tx, record }, input) => {
  await withdrawDuty(tx, {
    committeeId: record.committeeId,
    sourceType: 'activitySpeech',
    sourceId: record.id,
  });
  return { patch: { decisionNote: input.note }, note: input.note };
});

/** Only a written speech submitted for the plenary is delivered orally at the plenary. */
export const selectSpeech = speechCommand('select', async ({ tx, record }) => {
  const activity = await activityOfSpeech(tx, record);
  if (record.mode !== 'written' || !isPlenary(activity.kind))
    throw new AppError('INVALID_TRANSITION', '只有全体会议的书面发言可以选为大会口头发言');
});

export const unselectSpeech = speechCommand('unselect', async () => undefined);
export const withdrawSpeech = speechCommand('withdraw', async () => undefined);

export function speechConditions(
  ctx: ServiceContext,
  query: Omit<ListSpeechesQuery, 'page' | 'pageSize' | 'order'>,
  settings: CommitteeSettings,
) {
  const a = ctx.actor;
  const conditions: (SQL | undefined)[] = [eq(activitySpeeches.committeeId, a.committeeId)];
  if (query.mine || !can(a, 'overview', 'activityOutcomes', collectionOf(a))) {
    authorize(a, 'write', 'activityOutcomes', collectionOf(a));
    conditions.push(eq(activitySpeeches.memberId, a.memberId!));
  }
  if (query.memberId) conditions.push(eq(activitySpeeches.memberId, query.memberId));
  if (query.state) conditions.push(eq(activitySpeeches.state, query.state));
  if (query.mode) conditions.push(eq(activitySpeeches.mode, query.mode));
  if (query.given) conditions.push(inArray(activitySpeeches.state, [...speechGivenStates]));
  if (query.q) conditions.push(ilike(activitySpeeches.title, likePattern(query.q)));
  conditions.push(...activityScopeConditions(query, settings));
  return and(...conditions);
}

const fromSpeeches = (ctx: ServiceContext) =>
  ctx.db
    .select({
      s: activitySpeeches,
      memberName: members.name,
      files: filesOf(activitySpeeches.committeeId, activitySpeeches.attachmentIds),
      ...activityRefColumns,
    })
    .from(activitySpeeches)
    .innerJoin(activities, eq(activities.id, activitySpeeches.activityId))
    .innerJoin(members, eq(members.id, activitySpeeches.memberId));

type SpeechListRow = Awaited<ReturnType<ReturnType<typeof fromSpeeches>['where']>>[number];

function presentRow(ctx: ServiceContext, settings: CommitteeSettings, r: SpeechListRow) {
  const { s } = r;
  const state = s.state as SpeechState;
  return {
    ...presentActivityRef(settings, { ...r, activityId: s.activityId }),
    id: s.id,
    occasionLabel: occasionOf(r.activityKind),
    memberId: s.memberId,
    memberName: r.memberName,
    mode: s.mode as SpeechMode,
    modeLabel: speechModeLabels[s.mode as SpeechMode],
    title: s.title,
    content: s.content,
    attachments: r.files,
    state,
    stateLabel: speechStateLabels[state],
    decisionNote: s.decisionNote,
    createdAt: s.createdAt.toISOString(),
    version: s.version,
    policies: speechWorkflow.commandPolicies(ctx, s, accessOf(s)),
  };
}

export async function speechRows(
  ctx: ServiceContext,
  query: ListSpeechesQuery,
  settings: CommitteeSettings,
  paged = true,
) {
  const where = speechConditions(ctx, query, settings);
  const base = fromSpeeches(ctx)
    .where(where)
    .orderBy(
      orderBy(query, { createdAt: activitySpeeches.createdAt }, activitySpeeches.createdAt),
      desc(activitySpeeches.id),
    );
  const rows = paged ? await base.limit(query.pageSize).offset(pageOffset(query)) : await base;
  return { items: rows.map((r) => presentRow(ctx, settings, r)), where };
}

export async function listSpeeches(ctx: ServiceContext, query: ListSpeechesQuery) {
  const settings = await getSettings(ctx.db, ctx.actor.committeeId);
  const q = query.sort ? query : { ...query, order: 'desc' as const };
  const { items, where } = await speechRows(ctx, q, settings);
  const [total] = await ctx.db
    .select({ n: count() })
    .from(activitySpeeches)
    .innerJoin(activities, eq(activities.id, activitySpeeches.activityId))
    .where(where);
  return toPage(items, total?.n ?? 0, query);
}

/** One speech of the actor's committee, read in one query, if the actor may read it. */
export async function readSpeech(ctx: ServiceContext, id: number) {
  const [r] = await fromSpeeches(ctx).where(
    and(eq(activitySpeeches.id, id), eq(activitySpeeches.committeeId, ctx.actor.committeeId)),
  );
  if (!r) throw notFound('发言');
  authorize(ctx.actor, 'read', 'activitySpeech', accessOf(r.s));
  return presentRow(ctx, await getSettings(ctx.db, ctx.actor.committeeId), r);
}

export const presentSpeech = (ctx: ServiceContext, row: SpeechRow) => readSpeech(ctx, row.id);

const findSpeech = async (db: DbOrTx, committeeId: number, id: number) =>
  (
    await db
      .select()
      .from(activitySpeeches)
      .where(and(eq(activitySpeeches.id, id), eq(activitySpeeches.committeeId, committeeId)))
  )[0];

export const readSpeechFile: OwnerReadCheck = async (actor, id, db) => {
  const row = await findSpeech(db, actor.committeeId, id);
  return row !== undefined && can(actor, 'read', 'activitySpeech', accessOf(row));
};
