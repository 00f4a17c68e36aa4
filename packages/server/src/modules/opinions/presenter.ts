import {
  coauthorStatusLabels,
  dutyLevelLabels,
  forwardingChannelLabels,
  forwardingStateLabels,
  ledgerEventText,
  opinionCommandLabels,
  opinionStateLabels,
  type ForwardingDto,
  type OpinionDetail,
  type OpinionLedgerEvent,
  type OpinionLevel,
} from '@cppcc/shared';
import type { opinionForwardings } from '../../db/schema';
import type { ServiceContext } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { authorize, can } from '../../lib/policy';
import type { OpinionRow } from './access';
import { loadOpinionDetail, type OpinionDetailData } from './loader';
import { forwardingWorkflow, opinionWorkflow } from './workflow';

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
type ForwardingRow = typeof opinionForwardings.$inferSelect;

/** The detail of one opinion for the caller, read in one round trip; not found unless they may read it. */
export async function readOpinion(ctx: ServiceContext, id: number): Promise<OpinionDetail> {
  const data = await loadOpinionDetail(ctx.db, ctx.actor.committeeId, id);
  if (!data) throw notFound('社情民意信息');
  authorize(ctx.actor, 'read', 'opinion', data.access);
  return presentOpinionDetail(ctx, data);
}

/** The detail of an opinion the caller just acted on. */
export async function presentOpinion(ctx: ServiceContext, row: OpinionRow): Promise<OpinionDetail> {
  const data = await loadOpinionDetail(ctx.db, row.committeeId, row.id);
  if (!data) throw notFound('社情民意信息');
  return presentOpinionDetail(ctx, data);
}

/** A forwarded item as its viewer sees it, with what they may do next. */
export function presentForwarding(
  ctx: ServiceContext,
  f: ForwardingRow,
  names: { unitName: string; opinionTitle: string },
  now = new Date(),
): ForwardingDto {
  const access = {
    committeeId: f.committeeId,
    unitId: f.unitId,
    channel: f.channel as 'hotline' | 'department',
  };
  return {
    id: f.id,
    opinionId: f.opinionId,
    opinionTitle: names.opinionTitle,
    channel: access.channel,
    channelLabel: forwardingChannelLabels[access.channel],
    unitId: f.unitId,
    unitName: names.unitName,
    workOrderNumber: f.workOrderNumber,
    deadline: f.deadline.toISOString(),
    overdue: (f.state === 'forwarded' || f.state === 'acknowledged') && f.deadline < now,
    note: f.note,
    state: f.state as ForwardingDto['state'],
    stateLabel: forwardingStateLabels[f.state as ForwardingDto['state']],
    answerText: f.answerText,
    answerAttachmentIds: f.answerAttachmentIds,
    returnReason: f.returnReason,
    reviewComment: f.reviewComment,
    forwardedAt: f.createdAt.toISOString(),
    answeredAt: iso(f.answeredAt),
    version: f.version,
    policies: forwardingWorkflow.commandPolicies(ctx, f, access),
  };
}

/** Who an opinion is credited to, as one line: the authors, the organisation, the liaison or the reporting committee. */
export function submitterLine(
  row: Pick<OpinionRow, 'submitterType'>,
  names: {
    authors: string[];
    organisation: string | null;
    submitter: string;
    sourceCommittee: string | null;
  },
) {
  if (row.submitterType === 'report') return names.sourceCommittee ?? '下级政协';
  if (row.submitterType === 'organisation') return names.organisation ?? names.submitter;
  if (row.submitterType === 'liaison') return `${names.submitter}（特邀信息员）`;
  return names.authors.join('、') || names.submitter;
}

/**
 * The full opinion for one viewer, from loaded data (no queries). The saved versions are for the
 * editors; the submitter sees state, decisions and every feedback event on the article.
 */
export function presentOpinionDetail(ctx: ServiceContext, data: OpinionDetailData): OpinionDetail {
  const { row, access } = data;
  const seeVersions = can(ctx.actor, 'seeVersions', 'opinion', access);
  const confirmed = data.coauthors.filter((c) => c.status === 'confirmed').map((c) => c.name);
  const authors = [...(data.leadName ? [data.leadName] : []), ...confirmed];
  const contributors = [
    ...new Set([...(data.origin?.authors ?? authors), ...data.combinedFrom.flatMap((c) => c.authors)]),
  ];
  const forwardings = data.forwardings
    .filter(({ f }) =>
      can(ctx.actor, 'read', 'opinionForwarding', {
        committeeId: f.committeeId,
        unitId: f.unitId,
        channel: f.channel as 'hotline',
      }),
    )
    .map(({ f, unitName }) =>
      presentForwarding(ctx, f, { unitName, opinionTitle: row.editedTitle ?? row.title }),
    );
  const detail = {
    id: row.id,
    title: row.title,
    category: row.category,
    content: row.content,
    edited:
      row.editedContent !== null ? { title: row.editedTitle ?? row.title, content: row.editedContent } : null,
    state: row.state as OpinionDetail['state'],
    stateLabel: opinionStateLabels[row.state as OpinionDetail['state']],
    submitterType: row.submitterType as OpinionDetail['submitterType'],
    submitterName: submitterLine(row, {
      authors,
      organisation: data.organisation,
      submitter: data.submitterName,
      sourceCommittee: data.origin?.committeeName ?? null,
    }),
    organisationName: data.organisation,
    coauthors: data.coauthors.map((c) => ({
      memberId: c.memberId,
      name: c.name,
      status: c.status,
      statusLabel: coauthorStatusLabels[c.status],
    })),
    contributors,
    attachmentIds: row.attachmentIds,
    sourceProposal: data.sourceProposal,
    reportedFrom: data.origin,
    combinedInto: data.combinedInto,
    combinedFrom: data.combinedFrom,
    adoptionKind: row.adoptionKind as OpinionDetail['adoptionKind'],
    returnComment: row.returnComment,
    archiveReason: row.archiveReason,
    versions: seeVersions
      ? data.versions.map((v) => ({
          number: v.number,
          title: v.title,
          content: v.content,
          editorName: v.editorName,
          note: v.note,
          createdAt: v.createdAt.toISOString(),
        }))
      : [],
    ledger: data.ledger.map(({ l, committeeName }) => ({
      id: l.id,
      level: l.level as OpinionLevel,
      levelLabel: dutyLevelLabels[l.level as OpinionLevel],
      event: l.event as OpinionLedgerEvent,
      text: ledgerEventText(l.event as OpinionLedgerEvent, l.level as OpinionLevel),
      committeeName,
      note: l.note,
      occurredAt: l.occurredAt.toISOString(),
    })),
    instructions: data.instructions.map(({ i, unitName }) => ({
      id: i.id,
      leaderName: i.leaderName,
      leaderPost: i.leaderPost,
      level: i.level as OpinionLevel,
      levelLabel: dutyLevelLabels[i.level as OpinionLevel],
      text: i.text,
      instructedOn: i.instructedOn,
      attachmentIds: i.attachmentIds,
      unitName,
      result: i.result,
      doneAt: iso(i.doneAt),
    })),
    forwardings,
    issues: data.issues.map((i) => ({
      id: i.id,
      label: `《${i.series}》${i.year}年第${i.number}期`,
      state: i.state as 'draft' | 'sent',
    })),
    reportedTo: data.ledger.filter(({ l }) => l.event === 'reported').map(({ l }) => l.level as OpinionLevel),
    parentLevel: data.parentLevel,
    timeline: data.timeline.map((t) => ({
      id: t.id,
      action: t.action,
      actionLabel:
        t.action === 'create'
          ? '起草'
          : (opinionCommandLabels[t.action as keyof typeof opinionCommandLabels] ?? t.action),
      actorName: t.actorName ?? '系统',
      fromState: t.fromState,
      toState: t.toState,
      note: t.note,
      createdAt: t.createdAt.toISOString(),
    })),
    submittedAt: iso(row.submittedAt),
    decidedAt: iso(row.decidedAt),
    version: row.version,
    policies: opinionWorkflow.commandPolicies(ctx, row, access),
  };
  const ids = [
    ...detail.attachmentIds,
    ...detail.instructions.flatMap((i) => i.attachmentIds),
    ...forwardings.flatMap((f) => f.answerAttachmentIds),
  ];
  return { ...detail, attachmentFiles: data.files.filter((f) => ids.includes(f.id)) };
}
