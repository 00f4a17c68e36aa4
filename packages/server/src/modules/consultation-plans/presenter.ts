import {
  activityKindLabelFallback,
  activityStateLabels,
  consultationPlanCommandLabels,
  consultationPlanStateLabels,
  formatDay,
  planItemProgressLabels,
  type ActivityState,
  type CommitteeSettings,
  type ConsultationPlanDetail,
  type ConsultationPlanListItem,
  type ConsultationPlanState,
  type PlanItemDto,
  type PlanItemProgress,
  type PlanProgressCounts,
} from '@cppcc/shared';
import type { ServiceContext } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { authorize } from '../../lib/policy';
import { getSettings } from '../../lib/settings';
import { presentTimeline } from '../../lib/timeline';
import {
  loadPlanDetail,
  type LoadedLinkedActivity,
  type LoadedPlanItem,
  type PlanDetailData,
} from './loader';
import { planWorkflow, type PlanRow } from './workflow';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const timelineLabels: Record<string, string> = { ...consultationPlanCommandLabels, create: '新建计划' };

/** How far an item has got: no linked activity, linked ones none closed, or at least one closed. */
export function progressOf(linked: readonly Pick<LoadedLinkedActivity, 'state'>[]): PlanItemProgress {
  if (linked.some((a) => a.state === 'closed')) return 'done';
  return linked.length > 0 ? 'inProgress' : 'notStarted';
}

export function countsOf(progresses: readonly PlanItemProgress[]): PlanProgressCounts {
  const n = (p: PlanItemProgress) => progresses.filter((x) => x === p).length;
  return {
    done: n('done'),
    inProgress: n('inProgress'),
    notStarted: n('notStarted'),
    total: progresses.length,
    unit: '项',
  };
}

export const kindLabelOf = (settings: CommitteeSettings, code: string) =>
  settings.activityKinds.find((k) => k.code === code)?.label ?? activityKindLabelFallback;

export function presentItem(
  settings: CommitteeSettings,
  { item, leadName, activities }: LoadedPlanItem,
): PlanItemDto {
  const progress = progressOf(activities);
  return {
    id: item.id,
    position: item.position,
    topic: item.topic,
    kind: item.kind,
    kindLabel: kindLabelOf(settings, item.kind),
    leadSpecialCommitteeId: item.leadSpecialCommitteeId,
    leadSpecialCommitteeName: item.leadSpecialCommitteeId ? leadName : null,
    quarter: item.quarter,
    note: item.note,
    progress,
    progressLabel: planItemProgressLabels[progress],
    activities: activities.map((a) => ({
      id: a.id,
      topic: a.topic,
      startsAt: a.startsAt.toISOString(),
      state: a.state as ActivityState,
      stateLabel: activityStateLabels[a.state as ActivityState] ?? a.state,
    })),
  };
}

export function presentPlanListItem(
  settings: CommitteeSettings,
  row: PlanRow,
  items: readonly PlanItemDto[],
): ConsultationPlanListItem {
  const state = row.state as ConsultationPlanState;
  return {
    id: row.id,
    year: row.year,
    title: row.title,
    state,
    stateLabel: consultationPlanStateLabels[state],
    submittedAt: iso(row.submittedAt),
    approvedOn: row.approvedOn ? formatDay(row.approvedOn, settings.timeZone) : null,
    documentNumber: row.documentNumber,
    counts: countsOf(items.map((i) => i.progress)),
    version: row.version,
  };
}

export function presentPlanDetail(
  ctx: ServiceContext,
  settings: CommitteeSettings,
  data: PlanDetailData,
): ConsultationPlanDetail {
  const items = data.items.map((i) => presentItem(settings, i));
  return {
    ...presentPlanListItem(settings, data.row, items),
    items,
    timeline: presentTimeline(data.timeline, timelineLabels),
    policies: planWorkflow.commandPolicies(ctx, data.row, data.access),
  };
}

/** The plan as the caller may see it; a plan they may not read is not found. */
export async function readPlan(ctx: ServiceContext, id: number): Promise<ConsultationPlanDetail> {
  const data = await loadPlanDetail(ctx.db, ctx.actor.committeeId, id);
  if (!data) throw notFound('年度协商计划');
  authorize(ctx.actor, 'read', 'consultationPlan', data.access);
  return presentPlanDetail(ctx, await getSettings(ctx.db, ctx.actor.committeeId), data);
}

/** The answer of a write: the plan as it now is. */
export const presentPlan = (ctx: ServiceContext, row: PlanRow) => readPlan(ctx, row.id);
