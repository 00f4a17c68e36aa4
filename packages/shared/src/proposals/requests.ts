import { z } from 'zod';
import { isoDate, optionalText, requiredText, versionField } from '../fields';
import { listQuerySchema } from '../organisation';
import { recordId, recordIdParam } from '../ids';
import { satisfactionBases } from '../settings';
import { proposalStates } from './workflow';
import {
  followupImplementations,
  proposalContentCeiling,
  proposalKinds,
  proposalTitleMax,
  rejectionDispositions,
  relevanceLevels,
  satisfactionLevels,
  selectionStatuses,
  supervisionLogKinds,
  unitRoles,
  proposalTasks,
} from './vocabulary';

/** Proposal request schemas, one per endpoint. */

const id = recordId;
const version = versionField;
const text = requiredText;

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
const reviewItems = (most: string) =>
  z
    .array(z.object({ proposalId: id, version }).strict())
    .min(1, '请至少选择一件提案')
    .max(200, most);
/**
 * 立案审查会: one decision for many proposals, all or none — accept (each with an optional category),
 * reject with one ground and reason, or merge into one accepted proposal.
 */
export const batchReviewBody = z.discriminatedUnion(
  'decision',
  [
    z
      .object({
        decision: z.literal('accept'),
        items: z
          .array(z.object({ proposalId: id, version, category: acceptBody.shape.category }).strict())
          .min(1, '请至少选择一件提案')
          .max(200, '一次最多立案 200 件'),
      })
      .strict(),
    rejectBody
      .omit({ version: true })
      .extend({ decision: z.literal('reject'), items: reviewItems('一次最多处理 200 件') })
      .strict(),
    mergeBody
      .omit({ version: true })
      .extend({ decision: z.literal('merge'), items: reviewItems('一次最多并案 200 件') })
      .strict(),
  ],
  { error: '请选择立案、不予立案或并案' },
);
export type BatchReviewInput = z.infer<typeof batchReviewBody>;
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
  .strict()
  // 不满意 sends the answer back to the unit: the unit has to know why.
  .refine((r) => r.satisfaction !== 'dissatisfied' || !!r.comment, {
    message: '评价为不满意时，请写明不满意的理由',
    path: ['comment'],
  });
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
const levelPattern = satisfactionLevels.join('|');
/**
 * Satisfaction levels of the rating a figure counts, one or several joined by commas
 * (`satisfied,basicallySatisfied` for 满意和基本满意; all three for 已评价).
 */
export const satisfactionFilter = z
  .string()
  .regex(new RegExp(`^(${levelPattern})(,(${levelPattern}))*$`), '满意度不正确');
export const parseSatisfactionFilter = (value: string) =>
  [...new Set(value.split(','))] as (typeof satisfactionLevels)[number][];

export const listProposalsQuery = listQuerySchema
  .extend({
    view: z.enum(proposalListViews, { error: '列表类型不正确' }).default('all'),
    state: z.enum(proposalStates, { error: '状态不正确' }).optional(),
    sessionId: recordIdParam.optional(),
    category: z.string().trim().max(20).optional(),
    kind: z.enum(proposalKinds).optional(),
    unitId: recordIdParam.optional(),
    answerCategory: z.string().trim().max(5).optional(),
    satisfaction: satisfactionFilter.optional(),
    /**
     * How `satisfaction` is judged (setting satisfactionBasis): by the proposal's rating (件, the lead
     * proposer's or the lowest), or one row per proposer's rating (人次). The committee's setting when absent.
     */
    satisfactionBasis: z.enum(satisfactionBases, { error: '满意率统计口径不正确' }).optional(),
    sectorId: recordIdParam.optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    /** Filed (提交) on these days in the committee's zone, both included. */
    submittedFrom: isoDate.optional(),
    submittedTo: isoDate.optional(),
    keyStatus: z.enum(selectionStatuses, { error: '重点提案状态不正确' }).optional(),
    excellentStatus: z.enum(selectionStatuses, { error: '优秀提案状态不正确' }).optional(),
    /** A work queue: what waits for the viewer's unit (签收, 答复, 负责人审核) or for the staff (审核答复). */
    task: z.enum(proposalTasks, { error: '待办类型不正确' }).optional(),
  })
  .strict();
export type ListProposalsQuery = z.infer<typeof listProposalsQuery>;
