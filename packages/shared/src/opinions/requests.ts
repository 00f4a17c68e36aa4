import { z } from 'zod';
import { isoDate, optionalText, requiredText, versionField } from '../fields';
import { listQuerySchema } from '../organisation';
import { recordId, recordIdParam } from '../ids';
import { opinionListViewLabels } from '../labels';
import { forwardingStates, opinionStates } from './workflow';
import {
  forwardingChannels,
  opinionIssueStates,
  opinionAdoptionKinds,
  opinionContentCeiling,
  opinionLevels,
  opinionSubmitterTypes,
  opinionTitleMax,
} from './vocabulary';
import { codesOf } from '../codes';

/** Opinion request schemas, one per endpoint. */

const id = recordId;
const version = versionField;
const text = requiredText;
const attachments = z.array(id).max(20, '附件最多 20 个');

const opinionFields = {
  title: text('标题', opinionTitleMax),
  category: text('类别', 20),
  content: text('内容', opinionContentCeiling),
  coauthorMemberIds: z.array(id).max(20, '联名人最多 20 人').default([]),
  attachmentIds: attachments.default([]),
  /** Filed in an organisation's name (党派团体、专委会、界别小组); the caller must be its convener. */
  organisationProposerId: id.nullable().optional(),
};
export const createOpinionBody = z.object(opinionFields).strict();
export type CreateOpinionInput = z.infer<typeof createOpinionBody>;
export const updateOpinionBody = z
  .object({
    title: opinionFields.title.optional(),
    category: opinionFields.category.optional(),
    content: opinionFields.content.optional(),
    coauthorMemberIds: z.array(id).max(20, '联名人最多 20 人').optional(),
    attachmentIds: attachments.optional(),
    version,
  })
  .strict();
export type UpdateOpinionInput = z.infer<typeof updateOpinionBody>;

export const opinionVersionBody = z.object({ version }).strict();
export const withdrawOpinionBody = z.object({ reason: optionalText('撤回理由', 500), version }).strict();
export const respondCoauthorBody = z.object({ confirm: z.boolean({ error: '请选择确认或谢绝' }) }).strict();
/** An edit for publication: the wording only; every saved edit is kept as a version. */
export const saveEditBody = z
  .object({
    title: opinionFields.title,
    content: text('编辑稿', opinionContentCeiling),
    note: optionalText('编辑说明', 200),
    version,
  })
  .strict();
export const adoptBody = z.object({ note: optionalText('采用说明', 500), version }).strict();
/** 综合采用: this opinion becomes the article; the others are combined into it and credited. */
export const combineBody = z
  .object({
    otherOpinionIds: z
      .array(id)
      .min(1, '请选择至少一篇要综合的信息')
      .max(30, '一次最多综合 30 篇')
      .refine((ids) => new Set(ids).size === ids.length, '所选信息不能重复'),
    note: optionalText('综合说明', 500),
    version,
  })
  .strict();
export const archiveOpinionBody = z.object({ reason: optionalText('留存说明', 500), version }).strict();
export const returnOpinionBody = z.object({ comment: text('退回意见', 1000), version }).strict();
export const reopenOpinionBody = z.object({ reason: text('撤销理由', 500), version }).strict();
export const reportTargets = ['parent', 'national'] as const;
export const reportOpinionBody = z
  .object({
    target: z.enum(reportTargets, { error: '请选择报送上级政协或全国政协' }),
    note: optionalText('报送说明', 500),
    version,
  })
  .strict();
/** What 全国政协 (an external recipient) did with a reported article, entered by hand. */
export const externalOutcomeBody = z
  .object({ occurredOn: isoDate, note: optionalText('采用情况说明', 500), version })
  .strict();
export const instructionBody = z
  .object({
    leaderName: text('批示领导姓名', 20),
    leaderPost: text('批示领导职务', 40),
    level: z.enum(opinionLevels, { error: '请选择批示级别' }),
    text: text('批示内容', 2000),
    instructedOn: isoDate,
    attachmentIds: attachments.default([]),
    /** The department that reports what was done; staff may record it themselves without one. */
    unitId: id.nullable().optional(),
    version,
  })
  .strict();
export const instructionDoneBody = z
  .object({ instructionId: id, result: text('落实情况', 2000), version })
  .strict();
export const forwardOpinionBody = z
  .object({
    channel: z.enum(forwardingChannels, { error: '请选择转12345热线或有关部门' }),
    unitId: id,
    workOrderNumber: optionalText('工单号', 40),
    deadline: isoDate,
    note: optionalText('转办说明', 500),
    version,
  })
  .strict()
  .refine((b) => b.channel !== 'hotline' || (b.workOrderNumber ?? '') !== '', {
    message: '转12345热线需填写工单号',
    path: ['workOrderNumber'],
  });

// Forwarded items (转办件)

export const answerForwardingBody = z
  .object({ text: text('办理答复', 5000), attachmentIds: attachments.default([]), version })
  .strict();
export const returnForwardingBody = z.object({ reason: text('退回理由', 500), version }).strict();
export const reviewForwardingBody = z.object({ comment: optionalText('意见', 500), version }).strict();

// Lists

export const opinionListViews = codesOf(opinionListViewLabels);
export type OpinionListView = (typeof opinionListViews)[number];
const booleanQuery = z
  .enum(['true', 'false'], { error: '应为 true 或 false' })
  .transform((v) => v === 'true')
  .optional();

/**
 * Groups of states that figures count: `received` = reported to the committee and still on record (not
 * drafts, not returned to the author, not withdrawn); `decided` = adopted, combined or archived.
 */
export const opinionStages = {
  received: ['submitted', 'editing', 'adopted', 'combined', 'archived'],
  decided: ['adopted', 'combined', 'archived'],
} as const satisfies Record<string, readonly (typeof opinionStates)[number][]>;
export const opinionStageNames = Object.keys(opinionStages) as [keyof typeof opinionStages];

export const listOpinionsQuery = listQuerySchema
  .extend({
    stage: z.enum(opinionStageNames, { error: '阶段不正确' }).optional(),
    view: z.enum(opinionListViews, { error: '列表类型不正确' }).default('inbox'),
    state: z.enum(opinionStates, { error: '状态不正确' }).optional(),
    category: z.string().trim().max(20).optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    /** Reported (报送) on these days in the committee's zone, both included. */
    submittedFrom: isoDate.optional(),
    submittedTo: isoDate.optional(),
    /** A quarter of `year` (1–4), in the committee's time zone. */
    quarter: z.coerce
      .number({ error: '季度应为 1–4' })
      .int('季度应为 1–4')
      .min(1, '季度应为 1–4')
      .max(4, '季度应为 1–4')
      .optional(),
    submitterType: z.enum(opinionSubmitterTypes, { error: '报送人类型不正确' }).optional(),
    adoptionKind: z.enum(opinionAdoptionKinds, { error: '采用方式不正确' }).optional(),
    /** Articles whose ledger has an adoption at this level. */
    adoptedLevel: z.enum(opinionLevels, { error: '级别不正确' }).optional(),
    instructedLevel: z.enum(opinionLevels, { error: '级别不正确' }).optional(),
    reportedLevel: z.enum(opinionLevels, { error: '级别不正确' }).optional(),
    /** Only records a child committee reported here (true) or only the committee's own (false). */
    fromChildCommittee: booleanQuery,
    /** Records a child committee reported here, by that committee. */
    sourceCommitteeId: recordIdParam.optional(),
    sectorId: recordIdParam.optional(),
    memberId: recordIdParam.optional(),
    forwarded: booleanQuery,
  })
  .strict();
export type ListOpinionsQuery = z.infer<typeof listOpinionsQuery>;

export const listForwardingsQuery = listQuerySchema
  .extend({
    view: z.enum(['unit', 'all'], { error: '列表类型不正确' }).default('all'),
    state: z.enum(forwardingStates, { error: '状态不正确' }).optional(),
    channel: z.enum(forwardingChannels).optional(),
    /** Answered, whether or not staff have accepted the answer yet. */
    answered: booleanQuery,
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    quarter: z.coerce
      .number({ error: '季度应为 1–4' })
      .int('季度应为 1–4')
      .min(1, '季度应为 1–4')
      .max(4, '季度应为 1–4')
      .optional(),
    overdue: booleanQuery,
  })
  .strict();
export type ListForwardingsQuery = z.infer<typeof listForwardingsQuery>;

// Publications (《社情民意》期刊)

const recipientList = (label: string) => z.array(text(label, 40)).max(30, `${label}最多 30 项`).default([]);
export const createIssueBody = z
  .object({
    series: text('刊物', 20),
    /** Defaults to this year in the committee's time zone. */
    year: z.number().int().min(2000).max(2100).optional(),
    articleIds: z
      .array(id)
      .min(1, '请至少选择一篇已采用的信息')
      .max(50, '一期最多 50 篇')
      .refine((ids) => new Set(ids).size === ids.length, '同一篇信息不能重复编入'),
    reportTo: recipientList('报送单位'),
    copyTo: recipientList('抄送单位'),
    /** Also report the issue's articles to the parent committee when it is sent. */
    reportToParent: z.boolean().default(false),
  })
  .strict();
export type CreateIssueInput = z.infer<typeof createIssueBody>;
export const updateIssueBody = createIssueBody
  .omit({ series: true, year: true })
  .partial()
  .extend({ version })
  .strict();
export const sendIssueBody = z.object({ version }).strict();
export const listIssuesQuery = listQuerySchema
  .extend({
    series: z.string().trim().max(20).optional(),
    state: z.enum(opinionIssueStates, { error: '状态不正确' }).optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    /** Issues sent in this quarter of `year`. */
    quarter: z.coerce
      .number({ error: '季度应为 1–4' })
      .int('季度应为 1–4')
      .min(1, '季度应为 1–4')
      .max(4, '季度应为 1–4')
      .optional(),
  })
  .strict();

export const opinionFiguresQuery = z
  .object({
    year: z.coerce.number({ error: '年度应为数字' }).int().min(2000, '年度不正确').max(2100, '年度不正确'),
    /** One quarter of the year; the whole year when absent. */
    quarter: z.coerce
      .number({ error: '季度应为 1–4' })
      .int('季度应为 1–4')
      .min(1, '季度应为 1–4')
      .max(4, '季度应为 1–4')
      .optional(),
  })
  .strict();
