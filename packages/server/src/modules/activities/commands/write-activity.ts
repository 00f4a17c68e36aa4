import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { CreateActivityInput, RecordOutcomeInput, UpdateActivityInput } from '@cppcc/shared';
import type { DbOrTx } from '../../../db/client';
import {
  activities,
  consultationPlanItems,
  contactPoints,
  memberGroups,
  specialCommittees,
} from '../../../db/schema';
import type { ServiceContext } from '../../../lib/actor';
import { diffFields, writeAudit } from '../../../lib/audit';
import { invalidField } from '../../../lib/errors';
import { authorize, collectionOf } from '../../../lib/policy';
import { bindAttachments } from '../../../lib/references';
import { getSettings } from '../../../lib/settings';
import { appendTimeline } from '../../../lib/timeline';
import { addInvitations, defaultSelection, resolveSelection } from '../invitees';
import { requireKind } from '../rules';
import { activityCommand, type ActivityStep } from '../workflow';

const organiserTables = {
  specialCommittee: { table: specialCommittees, label: '专门委员会' },
  memberGroup: { table: memberGroups, label: '委员活动小组' },
  contactPoint: { table: contactPoints, label: '基层联系点' },
} as const;

/** The organiser must be the committee's own special committee, group or contact point (none for the office). */
async function checkOrganiser(
  db: DbOrTx,
  committeeId: number,
  type: CreateActivityInput['organiserType'],
  id: number | null,
) {
  if (type === 'committee') {
    if (id !== null) throw invalidField('body.organiserId', '由政协机关组织的活动不选组织单位');
    return;
  }
  const { table, label } = organiserTables[type];
  if (id === null) throw invalidField('body.organiserId', `请选择${label}`);
  const [found] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.id, id), eq(table.committeeId, committeeId)));
  if (!found) throw invalidField('body.organiserId', `${label}不存在`);
}

/** The plan item an activity carries out must be an item of the committee's own plan. */
async function checkPlanItem(db: DbOrTx, committeeId: number, id: number | null | undefined) {
  if (id === null || id === undefined) return;
  const [found] = await db
    .select({ id: consultationPlanItems.id })
    .from(consultationPlanItems)
    .where(and(eq(consultationPlanItems.id, id), eq(consultationPlanItems.committeeId, committeeId)));
  if (!found) throw invalidField('body.planItemId', '协商计划项目不存在');
}

/** Liaison staff create an activity (筹备中) with its invitees: the kind's default ones and any named. */
export async function createActivity(ctx: ServiceContext, input: CreateActivityInput) {
  authorize(ctx.actor, 'manage', 'activities', collectionOf(ctx.actor));
  const { actor } = ctx;
  return ctx.db.transaction(async (tx) => {
    const settings = await getSettings(tx, actor.committeeId);
    const kind = requireKind(settings, input.kind);
    await checkOrganiser(tx, actor.committeeId, input.organiserType, input.organiserId);
    await checkPlanItem(tx, actor.committeeId, input.planItemId);
    const [row] = await tx
      .insert(activities)
      .values({
        committeeId: actor.committeeId,
        kind: input.kind,
        topic: input.topic,
        organiserType: input.organiserType,
        organiserId: input.organiserId,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        place: input.place,
        agenda: input.agenda ?? null,
        otherParticipants: input.otherParticipants ?? null,
        residentCount: input.residentCount,
        otherCount: input.otherCount,
        attachmentIds: input.attachmentIds,
        residentIssue: input.residentIssue ?? null,
        issueResolved: input.issueResolved,
        visitedCount: input.visitedCount,
        leaderInstructions: input.leaderInstructions ?? null,
        planItemId: input.planItemId,
        signInSecret: randomBytes(32).toString('base64url'),
        createdBy: actor.userId,
      })
      .returning();
    const activity = row!;
    await bindAttachments(
      tx,
      actor,
      input.attachmentIds,
      { type: 'activity', id: activity.id },
      'body.attachmentIds',
    );
    const named = input.invite ? await resolveSelection(tx, actor.committeeId, input.invite) : [];
    const byDefault = input.inviteDefault
      ? await resolveSelection(tx, actor.committeeId, defaultSelection(kind))
      : [];
    const invited = await addInvitations(
      tx,
      activity,
      [...new Set([...byDefault, ...named])],
      input.mandatory,
    );
    await appendTimeline(tx, actor, {
      recordType: 'activity',
      recordId: activity.id,
      action: 'create',
      toState: 'planned',
      note: invited.length > 0 ? `邀请委员 ${invited.length} 人` : null,
    });
    await writeAudit(tx, actor, {
      action: 'activity.create',
      targetType: 'activity',
      targetId: activity.id,
      summary: `新建${kind.label}：${activity.topic}`,
      changes: { invited: invited.length },
    });
    return activity;
  });
}

/** Changes what an activity says while it is being prepared or held; a closed one is not edited. */
export const updateActivity = activityCommand<UpdateActivityInput>('update', async (step, input) => {
  const { tx, record } = step;
  const organiserType = input.organiserType ?? (record.organiserType as CreateActivityInput['organiserType']);
  const organiserId = input.organiserId !== undefined ? input.organiserId : record.organiserId;
  if (input.organiserType !== undefined || input.organiserId !== undefined)
    await checkOrganiser(
      tx,
      record.committeeId,
      organiserType,
      organiserType === 'committee' ? null : organiserId,
    );
  await checkPlanItem(tx, record.committeeId, input.planItemId);
  const startsAt = input.startsAt ? new Date(input.startsAt) : record.startsAt;
  const endsAt = input.endsAt ? new Date(input.endsAt) : record.endsAt;
  if (startsAt >= endsAt) throw invalidField('body.endsAt', '结束时间应晚于开始时间');
  await bindOutcomeFiles(step, input);
  const patch = {
    topic: input.topic ?? record.topic,
    organiserType,
    organiserId: organiserType === 'committee' ? null : organiserId,
    startsAt,
    endsAt,
    place: input.place ?? record.place,
    agenda: input.agenda !== undefined ? input.agenda : record.agenda,
    otherParticipants:
      input.otherParticipants !== undefined ? input.otherParticipants : record.otherParticipants,
    residentCount: input.residentCount ?? record.residentCount,
    otherCount: input.otherCount ?? record.otherCount,
    planItemId: input.planItemId !== undefined ? input.planItemId : record.planItemId,
    ...outcomePatch(record, input),
  };
  // The reminder goes out again for a new start time.
  const moved = startsAt.getTime() !== record.startsAt.getTime();
  return {
    patch: { ...patch, ...(moved ? { remindedAt: null } : {}) },
    changes: diffFields(record, patch),
    note: moved ? '调整了活动时间' : null,
  };
});

type OutcomeInput = RecordOutcomeInput;

/** The fields an activity's outcome consists of, as given or as they were. */
const outcomePatch = (record: ActivityStep['record'], input: OutcomeInput) => {
  const given = <K extends keyof OutcomeInput & keyof ActivityStep['record']>(key: K) =>
    input[key] !== undefined ? input[key] : record[key];
  return {
    minutes: given('minutes'),
    attachmentIds: given('attachmentIds'),
    residentIssue: given('residentIssue'),
    issueResolved: given('issueResolved'),
    visitedCount: given('visitedCount'),
    leaderInstructions: given('leaderInstructions'),
  };
};

const bindOutcomeFiles = async (step: ActivityStep, input: OutcomeInput) => {
  if (input.attachmentIds)
    await bindAttachments(
      step.tx,
      step.ctx.actor,
      input.attachmentIds,
      { type: 'activity', id: step.record.id },
      'body.attachmentIds',
    );
};

/**
 * What an activity produced — minutes, the report, leaders' instructions, the residents' issue and
 * whether it was resolved, how many a visit reached — recorded while it runs or after it closed.
 */
export const recordActivityOutcome = activityCommand<OutcomeInput>('recordOutcome', async (step, input) => {
  await bindOutcomeFiles(step, input);
  const patch = outcomePatch(step.record, input);
  return { patch, changes: diffFields(step.record, patch) };
});
