import { codesOf } from '../codes';

/** Proposal vocabulary: kinds, proposer and unit roles, answer states, satisfaction levels, limits. */

export const proposalKindLabels = { session: '大会提案', regular: '平时提案' } as const;
export const proposalKinds = codesOf(proposalKindLabels);
export const proposerTypes = ['member', 'organisation'] as const;
export const proposerRoles = ['lead', 'co'] as const;
export const proposerStatusLabels = {
  invited: '待确认',
  confirmed: '已附议',
  declined: '已谢绝',
  expired: '已过期',
} as const;
export const proposerStatuses = codesOf(proposerStatusLabels);
export const unitRoleLabels = { lead: '主办', co: '协办', separate: '分办' } as const;
export const unitRoles = codesOf(unitRoleLabels);
export const unitStatusLabels = {
  assigned: '待签收',
  acknowledged: '已签收',
  declined: '已退办',
  answered: '已答复',
} as const;
export const unitStatuses = codesOf(unitStatusLabels);
export const answerStateLabels = {
  draft: '草稿',
  pendingHead: '待负责人审核',
  sent: '已报送',
  returned: '已退回',
  approved: '已审核',
} as const;
export const answerStates = codesOf(answerStateLabels);
export const satisfactionLabels = {
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  dissatisfied: '不满意',
} as const;
export const satisfactionLevels = codesOf(satisfactionLabels);
export const relevanceLabels = {
  targeted: '针对提案',
  partly: '部分针对',
  notTargeted: '未针对提案',
} as const;
export const relevanceLevels = codesOf(relevanceLabels);
export const rejectionDispositionLabels = {
  forwardSuggestion: '作为意见建议转有关部门',
  convertToOpinion: '转为社情民意信息',
  none: '不作处理',
} as const;
export const rejectionDispositions = codesOf(rejectionDispositionLabels);
export const selectionStatuses = ['none', 'nominated', 'approved'] as const;
export const supervisionLogKindLabels = {
  comment: '督办意见',
  visit: '实地督办',
  meeting: '督办座谈',
} as const;
export const supervisionLogKinds = codesOf(supervisionLogKindLabels);
export const followupImplementationLabels = {
  implemented: '已落实',
  inProgress: '正在落实',
  notImplemented: '未落实',
} as const;
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
