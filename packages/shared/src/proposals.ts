import { z } from 'zod';
import { listQuerySchema } from './organisation';
import { defineWorkflowTable, transitionBuilders, type Transition } from './workflow';
import { maxInteger, recordId, recordIdParam } from './ids';

/** Proposal (提案) vocabulary, workflow table and request schemas shared by server and UI. */

export const proposalStates = [
  'draft',
  'cosigning',
  'submitted',
  'reviewing',
  'returned',
  'withdrawn',
  'rejected',
  'merged',
  'accepted',
  'assigned',
  'answered',
  'rehandling',
  'closed',
] as const;
export type ProposalState = (typeof proposalStates)[number];

export const proposalStateLabels: Record<ProposalState, string> = {
  draft: '草稿',
  cosigning: '联名征集中',
  submitted: '已提交',
  reviewing: '审查中',
  returned: '退回修改',
  withdrawn: '已撤案',
  rejected: '不予立案',
  merged: '已并案',
  accepted: '已立案',
  assigned: '办理中',
  answered: '已答复',
  rehandling: '重新办理',
  closed: '已办结',
};

export const proposalCommands = [
  'update',
  'requestCosign',
  'respondCosign',
  'submit',
  'withdraw',
  'claimReview',
  'accept',
  'reject',
  'merge',
  'return',
  'assign',
  'acknowledge',
  'decline',
  'extendDeadline',
  'sendUnitOpinion',
  'saveAnswer',
  'submitAnswer',
  'headApproveAnswer',
  'headReturnAnswer',
  'reviewAnswer',
  'completeAnswering',
  'rate',
  'completeRating',
  'requestRehandling',
  'close',
  'nominateKey',
  'approveKey',
  'nominateExcellent',
  'approveExcellent',
  'addSupervisionLog',
  'evaluate',
  'requestFollowup',
  'reportFollowup',
] as const;
export type ProposalCommand = (typeof proposalCommands)[number];

export const proposalCommandLabels: Record<ProposalCommand, string> = {
  update: '修改提案',
  requestCosign: '发起联名',
  respondCosign: '答复联名邀请',
  submit: '提交提案',
  withdraw: '撤案',
  claimReview: '开始审查',
  accept: '立案',
  reject: '不予立案',
  merge: '并案',
  return: '退回修改',
  assign: '交办',
  acknowledge: '签收',
  decline: '退办',
  extendDeadline: '延期',
  sendUnitOpinion: '报送协办意见',
  saveAnswer: '保存答复',
  submitAnswer: '提交负责人审核',
  headApproveAnswer: '负责人审核通过',
  headReturnAnswer: '负责人退回答复',
  reviewAnswer: '审核答复',
  completeAnswering: '全部答复完成',
  rate: '满意度评价',
  completeRating: '评价完成办结',
  requestRehandling: '不满意重新办理',
  close: '办结',
  nominateKey: '提名重点提案',
  approveKey: '审定重点提案',
  nominateExcellent: '提名优秀提案',
  approveExcellent: '审定优秀提案',
  addSupervisionLog: '记录督办情况',
  evaluate: '双向评议',
  requestFollowup: '发起回头看',
  reportFollowup: '报送回头看情况',
};

/**
 * Who may run a command, named as abilities of the `proposal` policy (packages/server/src/policies/proposal.ts):
 * propose = the lead proposer (or the organisation's filer); cosign = an invited co-proposer; review = proposal staff;
 * handle = a handler of an assigned unit; approveAsHead = that unit's head; rate = a confirmed proposer;
 * select = a leader; supervise = a supervising leader or staff; evaluate = proposer or assigned unit;
 * system = only the server, as the consequence of another command.
 */
export const proposalPermissions = [
  'propose',
  'cosign',
  'review',
  'handle',
  'approveAsHead',
  'rate',
  'select',
  'supervise',
  'evaluate',
  'system',
] as const;
export type ProposalPermission = (typeof proposalPermissions)[number];

export type ProposalTransition = Transition<ProposalState, ProposalCommand, ProposalPermission>;

const handlingStates = ['assigned', 'rehandling'] as const;
const acceptedStates = ['accepted', 'assigned', 'answered', 'rehandling', 'closed'] as const;
const { stay, move } = transitionBuilders<ProposalState, ProposalCommand, ProposalPermission>();

/**
 * The proposal workflow (DOMAIN.md "Proposal lifecycle"): every allowed step; anything else is refused.
 * What a step does besides state, timeline and audit (numbers, duty records, notifications) is the
 * command's use case in packages/server/src/modules/proposals/commands/.
 */
export const proposalWorkflowTable = defineWorkflowTable({
  label: '提案',
  stateLabels: proposalStateLabels,
  commandLabels: proposalCommandLabels,
  transitions: [
    ...stay(['draft', 'returned'], 'update', 'propose'),
    ...move(['draft'], 'requestCosign', 'cosigning', 'propose'),
    ...stay(['cosigning'], 'respondCosign', 'cosign'),
    ...move(['draft', 'cosigning', 'returned'], 'submit', 'submitted', 'propose'),
    ...move(['draft', 'cosigning', 'submitted', 'reviewing', 'returned'], 'withdraw', 'withdrawn', 'propose'),
    ...move(['submitted'], 'claimReview', 'reviewing', 'review'),
    ...move(['reviewing'], 'accept', 'accepted', 'review'),
    ...move(['reviewing'], 'reject', 'rejected', 'review'),
    ...move(['reviewing'], 'merge', 'merged', 'review'),
    ...move(['reviewing'], 'return', 'returned', 'review'),
    ...move(['accepted'], 'assign', 'assigned', 'review'),
    ...stay(['assigned'], 'assign', 'review'),
    ...stay(handlingStates, 'acknowledge', 'handle'),
    ...stay(handlingStates, 'decline', 'handle'),
    ...stay(handlingStates, 'extendDeadline', 'review'),
    ...stay(handlingStates, 'sendUnitOpinion', 'handle'),
    ...stay(handlingStates, 'saveAnswer', 'handle'),
    ...stay(handlingStates, 'submitAnswer', 'handle'),
    ...stay(handlingStates, 'headApproveAnswer', 'approveAsHead'),
    ...stay(handlingStates, 'headReturnAnswer', 'approveAsHead'),
    ...stay(handlingStates, 'reviewAnswer', 'review'),
    ...move(handlingStates, 'completeAnswering', 'answered', 'system'),
    ...stay(['answered'], 'rate', 'rate'),
    ...move(['answered'], 'completeRating', 'closed', 'system'),
    ...move(['answered'], 'requestRehandling', 'rehandling', 'system'),
    ...move(['answered'], 'close', 'closed', 'review'),
    ...stay(acceptedStates, 'nominateKey', 'review'),
    ...stay(acceptedStates, 'approveKey', 'select'),
    ...stay(acceptedStates, 'nominateExcellent', 'review'),
    ...stay(acceptedStates, 'approveExcellent', 'select'),
    ...stay(acceptedStates, 'addSupervisionLog', 'supervise'),
    ...stay(['answered', 'closed'], 'evaluate', 'evaluate'),
    ...stay(['answered', 'closed'], 'requestFollowup', 'review'),
    ...stay(['answered', 'closed'], 'reportFollowup', 'handle'),
  ],
});

export const proposalTransitions: readonly ProposalTransition[] = proposalWorkflowTable.transitions;

// ---- vocabulary ----

export const proposalKinds = ['session', 'regular'] as const;
export const proposalKindLabels = { session: '大会提案', regular: '平时提案' } as const;
export const proposerTypes = ['member', 'organisation'] as const;
export const proposerRoles = ['lead', 'co'] as const;
export const proposerStatuses = ['invited', 'confirmed', 'declined', 'expired'] as const;
export const proposerStatusLabels = {
  invited: '待确认',
  confirmed: '已附议',
  declined: '已谢绝',
  expired: '已过期',
} as const;
export const unitRoles = ['lead', 'co', 'separate'] as const;
export const unitRoleLabels = { lead: '主办', co: '协办', separate: '分办' } as const;
export const unitStatuses = ['assigned', 'acknowledged', 'declined', 'answered'] as const;
export const unitStatusLabels = {
  assigned: '待签收',
  acknowledged: '已签收',
  declined: '已退办',
  answered: '已答复',
} as const;
export const answerStates = ['draft', 'pendingHead', 'sent', 'returned', 'approved'] as const;
export const answerStateLabels = {
  draft: '草稿',
  pendingHead: '待负责人审核',
  sent: '已报送',
  returned: '已退回',
  approved: '已审核',
} as const;
export const satisfactionLevels = ['satisfied', 'basicallySatisfied', 'dissatisfied'] as const;
export const satisfactionLabels = {
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  dissatisfied: '不满意',
} as const;
export const relevanceLevels = ['targeted', 'partly', 'notTargeted'] as const;
export const relevanceLabels = {
  targeted: '针对提案',
  partly: '部分针对',
  notTargeted: '未针对提案',
} as const;
export const rejectionDispositions = ['forwardSuggestion', 'convertToOpinion', 'none'] as const;
export const rejectionDispositionLabels = {
  forwardSuggestion: '作为意见建议转有关部门',
  convertToOpinion: '转为社情民意信息',
  none: '不作处理',
} as const;
export const selectionStatuses = ['none', 'nominated', 'approved'] as const;
export const supervisionLogKinds = ['comment', 'visit', 'meeting'] as const;
export const supervisionLogKindLabels = {
  comment: '督办意见',
  visit: '实地督办',
  meeting: '督办座谈',
} as const;
export const followupImplementations = ['implemented', 'inProgress', 'notImplemented'] as const;
export const followupImplementationLabels = {
  implemented: '已落实',
  inProgress: '正在落实',
  notImplemented: '未落实',
} as const;

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

// ---- request schemas ----

const id = recordId;
const version = z.number().int().positive().max(maxInteger, '版本号超出范围').optional();
const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不超过 ${max} 个字`);
const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, `${label}不超过 ${max} 个字`).optional();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

const proposalFields = {
  sessionId: id.optional(),
  title: text('案由（标题）', proposalTitleMax),
  category: text('类别', 20),
  content: text('提案内容', proposalContentCeiling),
  suggestedUnitIds: z.array(id).max(10, '建议承办单位最多 10 个').default([]),
  coProposerMemberIds: z.array(id).max(50, '联名提案人最多 50 人').default([]),
  attachmentIds: z.array(id).max(20, '附件最多 20 个').default([]),
  /** File in an organisation's name (党派团体/专委会/界别/小组); the caller must be its convener. */
  organisationProposerId: id.nullable().optional(),
};
export const createProposalBody = z.object(proposalFields).strict();
export type CreateProposalInput = z.infer<typeof createProposalBody>;
export const updateProposalBody = z
  .object({
    title: proposalFields.title.optional(),
    category: proposalFields.category.optional(),
    content: proposalFields.content.optional(),
    suggestedUnitIds: z.array(id).max(10, '建议承办单位最多 10 个').optional(),
    coProposerMemberIds: z.array(id).max(50, '联名提案人最多 50 人').optional(),
    attachmentIds: z.array(id).max(20, '附件最多 20 个').optional(),
    version,
  })
  .strict();
export type UpdateProposalInput = z.infer<typeof updateProposalBody>;

export const versionBody = z.object({ version }).strict();
export const requestCosignBody = z.object({ deadline: isoDate.optional(), version }).strict();
export const respondCosignBody = z.object({ confirm: z.boolean({ error: '请选择附议或谢绝' }) }).strict();
export const withdrawBody = z.object({ reason: optionalText('撤案理由', 500), version }).strict();
export const acceptBody = z.object({ category: text('类别', 20).optional(), version }).strict();
export const rejectBody = z
  .object({
    ground: text('不予立案理由类别', 100),
    reason: text('不予立案说明', 1000),
    disposition: z.enum(rejectionDispositions, { error: '请选择处理方式' }),
    forwardUnitId: id.optional(),
    version,
  })
  .strict();
export const mergeBody = z
  .object({ intoProposalId: id, note: optionalText('并案说明', 500), version })
  .strict();
export const returnBody = z.object({ comment: text('退回意见', 1000), version }).strict();

const unitSlot = z
  .object({ unitId: id, role: z.enum(unitRoles, { error: '请选择主办、协办或分办' }) })
  .strict();
export const assignBody = z
  .object({
    units: z.array(unitSlot).min(1, '请至少选择一个承办单位').max(20, '承办单位最多 20 个'),
    deadline: isoDate.optional(),
    version,
  })
  .strict();
export const batchAssignBody = z
  .object({
    items: z
      .array(z.object({ proposalId: id, units: assignBody.shape.units, version }).strict())
      .min(1, '请至少选择一件提案')
      .max(200, '一次最多交办 200 件'),
    deadline: isoDate.optional(),
  })
  .strict();
export const declineBody = z.object({ reason: text('退办理由', 500) }).strict();
export const extendBody = z
  .object({ unitId: id, deadline: isoDate, reason: text('延期理由', 500), version })
  .strict();
export const unitOpinionBody = z
  .object({
    text: text('协办意见', 5000),
    contactPerson: optionalText('联系人', 20),
    attachmentIds: z.array(id).max(20).default([]),
  })
  .strict();
export const saveAnswerBody = z
  .object({
    category: text('答复类别', 5),
    text: text('答复内容', 20000),
    contactPerson: text('联系人', 20),
    contactPhone: z
      .string()
      .trim()
      .regex(/^[\d\-+() ]{7,20}$/, '联系电话格式不正确'),
    attachmentIds: z.array(id).max(20, '附件最多 20 个').default([]),
  })
  .strict();
export const answerActionBody = z.object({ comment: optionalText('意见', 1000) }).strict();
export const reviewAnswerBody = z
  .object({
    answerId: id,
    approve: z.boolean({ error: '请选择通过或退回' }),
    category: text('答复类别', 5).optional(),
    note: optionalText('审核意见', 1000),
    version,
  })
  .strict();
export const rateBody = z
  .object({
    answerId: id,
    satisfaction: z.enum(satisfactionLevels, { error: '请选择满意度' }),
    attitude: z.enum(satisfactionLevels, { error: '请评价办理态度' }),
    relevance: z.enum(relevanceLevels, { error: '请选择答复是否针对提案' }),
    comment: optionalText('评价意见', 1000),
  })
  .strict();
export const closeBody = z.object({ note: optionalText('办结说明', 500), version }).strict();
export const nominateKeyBody = z
  .object({
    key: z.boolean({ error: '请选择是否为重点提案' }),
    supervisorUserIds: z.array(id).max(10, '督办领导最多 10 人').default([]),
    version,
  })
  .strict();
export const nominateExcellentBody = z.object({ excellent: z.boolean(), version }).strict();
export const approveSelectionBody = z.object({ approve: z.boolean(), version }).strict();
export const supervisionLogBody = z
  .object({
    kind: z.enum(supervisionLogKinds, { error: '请选择督办方式' }),
    text: text('督办情况', 2000),
    occurredOn: isoDate,
  })
  .strict();
export const evaluateBody = z
  .object({
    unitId: id,
    score: z
      .number({ error: '请填写分数' })
      .int('分数应为整数')
      .min(0, '分数为 0–100')
      .max(100, '分数为 0–100'),
    comment: optionalText('评议意见', 1000),
  })
  .strict();
export const requestFollowupBody = z
  .object({ answerId: id, note: optionalText('回头看要求', 1000) })
  .strict();
export const reportFollowupBody = z
  .object({
    followupId: id,
    implementation: z.enum(followupImplementations, { error: '请选择落实情况' }),
    report: text('落实情况说明', 5000),
  })
  .strict();

export const proposalListViews = [
  'mine',
  'cosign',
  'review',
  'unit',
  'overdue',
  'key',
  'followup',
  'all',
] as const;
export const proposalListViewLabels = {
  mine: '我的提案',
  cosign: '待我附议',
  review: '审查队列',
  unit: '本单位提案',
  overdue: '超期提案',
  key: '重点提案',
  followup: '回头看',
  all: '全部提案',
} as const;
export const listProposalsQuery = listQuerySchema
  .extend({
    view: z.enum(proposalListViews, { error: '列表类型不正确' }).default('all'),
    state: z.enum(proposalStates, { error: '状态不正确' }).optional(),
    sessionId: recordIdParam.optional(),
    category: z.string().trim().max(20).optional(),
    kind: z.enum(proposalKinds).optional(),
    unitId: recordIdParam.optional(),
    answerCategory: z.string().trim().max(5).optional(),
    satisfaction: z.enum(satisfactionLevels).optional(),
    sectorId: recordIdParam.optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    keyStatus: z.enum(selectionStatuses, { error: '重点提案状态不正确' }).optional(),
    excellentStatus: z.enum(selectionStatuses, { error: '优秀提案状态不正确' }).optional(),
  })
  .strict();
export type ListProposalsQuery = z.infer<typeof listProposalsQuery>;

// ---- response DTOs (the server's presenters produce exactly these) ----

const isoOrNull = z.string().nullable();
const unitRef = z.object({ id: z.number(), name: z.string() });

export const proposalListItemSchema = z.object({
  id: z.number(),
  number: z.number().nullable(),
  numberLabel: z.string(),
  sessionId: z.number(),
  sessionName: z.string(),
  kind: z.string().nullable(),
  title: z.string(),
  category: z.string(),
  state: z.enum(proposalStates),
  stateLabel: z.string(),
  proposerType: z.string(),
  leadMemberName: z.string(),
  organisationName: z.string().nullable(),
  keyStatus: z.string(),
  excellentStatus: z.string(),
  answerCategory: z.string().nullable(),
  submittedAt: isoOrNull,
  deadline: isoOrNull,
  overdue: z.boolean(),
  units: z.array(
    z.object({
      unitId: z.number(),
      name: z.string(),
      role: z.string(),
      status: z.string(),
      deadline: z.string(),
    }),
  ),
  version: z.number(),
  updatedAt: z.string(),
});
export type ProposalListItem = z.infer<typeof proposalListItemSchema>;
export const proposalPageSchema = z.object({
  items: z.array(proposalListItemSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const proposalDetailSchema = z.object({
  id: z.number(),
  /** File names of every attachment referenced in this detail. */
  attachmentFiles: z.array(z.object({ id: z.number(), fileName: z.string(), size: z.number() })),
  number: z.number().nullable(),
  numberLabel: z.string(),
  session: unitRef.nullable(),
  kind: z.string().nullable(),
  kindLabel: z.string().nullable(),
  title: z.string(),
  category: z.string(),
  content: z.string(),
  state: z.enum(proposalStates),
  stateLabel: z.string(),
  proposerType: z.string(),
  organisationProposer: z.object({ id: z.number(), name: z.string(), kind: z.string() }).nullable(),
  leadMemberId: z.number(),
  suggestedUnits: z.array(unitRef),
  attachmentIds: z.array(z.number()),
  cosignDeadline: isoOrNull,
  rejection: z
    .object({
      ground: z.string(),
      reason: z.string().nullable(),
      disposition: z.string().nullable(),
      forwardUnitId: z.number().nullable(),
    })
    .nullable(),
  mergedIntoId: z.number().nullable(),
  returnComment: z.string().nullable(),
  assignmentMode: z.string().nullable(),
  keyStatus: z.string(),
  excellentStatus: z.string(),
  answerCategory: z.string().nullable(),
  rehandleCount: z.number(),
  version: z.number(),
  submittedAt: isoOrNull,
  acceptedAt: isoOrNull,
  assignedAt: isoOrNull,
  deadline: isoOrNull,
  answeredAt: isoOrNull,
  closedAt: isoOrNull,
  createdAt: z.string(),
  updatedAt: z.string(),
  proposers: z.array(
    z.object({
      memberId: z.number(),
      name: z.string(),
      sector: z.string(),
      employer: z.string().nullable(),
      phone: z.string().nullable(),
      role: z.string(),
      status: z.string(),
      statusLabel: z.string(),
      mergedFromId: z.number().nullable(),
      invitedAt: isoOrNull,
      respondedAt: isoOrNull,
      deadline: isoOrNull,
    }),
  ),
  units: z.array(
    z.object({
      id: z.number(),
      unitId: z.number(),
      name: z.string(),
      role: z.string(),
      roleLabel: z.string(),
      status: z.string(),
      statusLabel: z.string(),
      active: z.boolean(),
      assignedAt: z.string(),
      acknowledgeBy: z.string(),
      deadline: z.string(),
      originalDeadline: isoOrNull,
      extensionReason: z.string().nullable(),
      declineReason: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
  unitOpinions: z.array(
    z.object({
      id: z.number(),
      fromUnitId: z.number(),
      fromUnitName: z.string(),
      toUnitId: z.number(),
      text: z.string(),
      contactPerson: z.string().nullable(),
      attachmentIds: z.array(z.number()),
      createdAt: z.string(),
    }),
  ),
  answers: z.array(
    z.object({
      id: z.number(),
      unitId: z.number(),
      unitName: z.string(),
      round: z.number(),
      category: z.string(),
      originalCategory: z.string().nullable(),
      text: z.string(),
      contactPerson: z.string(),
      contactPhone: z.string(),
      attachmentIds: z.array(z.number()),
      state: z.enum(answerStates),
      stateLabel: z.string(),
      headComment: z.string().nullable(),
      staffReviewNote: z.string().nullable(),
      sentAt: isoOrNull,
      reviewedAt: isoOrNull,
    }),
  ),
  ratings: z.array(
    z.object({
      id: z.number(),
      answerId: z.number(),
      memberId: z.number(),
      memberName: z.string(),
      satisfaction: z.enum(satisfactionLevels),
      attitude: z.enum(satisfactionLevels),
      relevance: z.enum(relevanceLevels),
      comment: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  evaluations: z.array(
    z.object({
      id: z.number(),
      direction: z.string(),
      unitId: z.number(),
      memberId: z.number().nullable(),
      score: z.number(),
      grade: z.string(),
      comment: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  supervisors: z.array(z.object({ userId: z.number(), name: z.string() })),
  supervisionLogs: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      text: z.string(),
      author: z.string(),
      occurredOn: z.string(),
    }),
  ),
  followups: z.array(
    z.object({
      id: z.number(),
      answerId: z.number(),
      unitId: z.number(),
      status: z.string(),
      requestNote: z.string().nullable(),
      requestedAt: z.string(),
      implementation: z.string().nullable(),
      report: z.string().nullable(),
      reportedAt: isoOrNull,
    }),
  ),
  timeline: z.array(
    z.object({
      id: z.number(),
      action: z.string(),
      actorName: z.string().nullable(),
      actorRole: z.string().nullable(),
      fromState: z.string().nullable(),
      toState: z.string().nullable(),
      note: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  /** `canSubmit`, `canAccept`, … : the table allows the command now and the policy allows the viewer. */
  policies: z.record(z.string(), z.boolean()),
});
export type ProposalDetail = z.infer<typeof proposalDetailSchema>;

export const similarProposalsSchema = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      number: z.number().nullable(),
      numberLabel: z.string(),
      title: z.string(),
      state: z.enum(proposalStates),
      stateLabel: z.string(),
      sessionId: z.number(),
      leadMemberName: z.string(),
      score: z.number(),
      exact: z.boolean(),
    }),
  ),
});

/**
 * The list page that shows the records behind a figure (a list-query filter): the figures page and
 * the home cards link through it, so a number and its list never disagree.
 */
export function proposalListLink(filter: Partial<Record<string, string | number | undefined>>): string {
  const { view, ...rest } = filter;
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(rest)) if (v !== undefined && v !== '') query.set(k, String(v));
  const base = view === 'overdue' ? '/proposals/overdue' : view === 'key' ? '/proposals/key' : '/proposals';
  const qs = query.toString();
  return qs ? `${base}?${qs}` : base;
}
