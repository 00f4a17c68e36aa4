import { codesOf } from '../codes';
import {
  answerStateLabels,
  followupImplementationLabels,
  proposalTaskLabels,
  proposalKindLabels,
  proposerStatusLabels,
  rejectionDispositionLabels,
  relevanceLabels,
  satisfactionLabels,
  supervisionLogKindLabels,
  unitRoleLabels,
  unitStatusLabels,
} from '../labels';

/** Proposal vocabulary: kinds, proposer and unit roles, answer states, satisfaction levels, limits. */

export const proposalKinds = codesOf(proposalKindLabels);
export const proposerTypes = ['member', 'organisation'] as const;
export const proposerRoles = ['lead', 'co'] as const;
export const proposerStatuses = codesOf(proposerStatusLabels);
export const unitRoles = codesOf(unitRoleLabels);
export const unitStatuses = codesOf(unitStatusLabels);
export const answerStates = codesOf(answerStateLabels);
export const satisfactionLevels = codesOf(satisfactionLabels);
export const relevanceLevels = codesOf(relevanceLabels);
export const rejectionDispositions = codesOf(rejectionDispositionLabels);
export const selectionStatuses = ['none', 'nominated', 'approved'] as const;
export const supervisionLogKinds = codesOf(supervisionLogKindLabels);
export const followupImplementations = codesOf(followupImplementationLabels);

/** 双向评议 grades: 优秀≥90, 良好75–89, 一般60–74, 较差<60. */
export function evaluationGrade(score: number): string {
  if (score >= 90) return '优秀';
  if (score >= 75) return '良好';
  if (score >= 60) return '一般';
  return '较差';
}

/** 第0023号 */
export const formatProposalNumber = (n: number | null | undefined) =>
  n == null ? '' : `第${String(n).padStart(4, '0')}号`;

// ---- defaults of the per-committee settings (DOMAIN.md) ----

// Category lists, rejection grounds, answer categories and deadlines are per-committee settings (settings.ts).
export const proposalTitleMax = 60;
/** Hard ceiling for the schema; the committee's configured limit (default 3000) is checked by the server. */
export const proposalContentCeiling = 20000;

/** Work queues of the proposal list (`task`). */
export const proposalTasks = codesOf(proposalTaskLabels);
export type ProposalTask = (typeof proposalTasks)[number];
