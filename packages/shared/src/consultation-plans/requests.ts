import { z } from 'zod';
import { isoDate, optionalText, requiredText, versionField } from '../fields';
import { recordId } from '../ids';

/** Consultation plan request schemas, one per endpoint. */

export const planTopicMax = 100;
export const planItemsMax = 60;
export const planYearMin = 2000;
export const planYearMax = 2100;

const year = z
  .number({ error: '请填写年度' })
  .int('年度应为整数')
  .min(planYearMin, `年度应在 ${planYearMin}–${planYearMax} 之间`)
  .max(planYearMax, `年度应在 ${planYearMin}–${planYearMax} 之间`);

/** One item of the plan; `id` names an item already in the plan (kept, with the activities linked to it). */
export const planItemInput = z
  .object({
    id: recordId.optional(),
    topic: requiredText('协商议题', planTopicMax),
    /** An activity kind code of the committee setting `activityKinds`. */
    kind: z.string({ error: '请选择协商形式' }).min(1, '请选择协商形式').max(40, '协商形式不正确'),
    leadSpecialCommitteeId: recordId.nullable().optional(),
    quarter: z
      .number({ error: '请选择季度' })
      .int('季度应为 1–4')
      .min(1, '季度应为 1–4')
      .max(4, '季度应为 1–4'),
    note: optionalText('备注', 500),
  })
  .strict();
export type PlanItemInput = z.infer<typeof planItemInput>;

const items = z
  .array(planItemInput)
  .max(planItemsMax, `协商事项最多 ${planItemsMax} 项`)
  .refine(
    (list) => {
      const ids = list.flatMap((i) => (i.id === undefined ? [] : [i.id]));
      return new Set(ids).size === ids.length;
    },
    { message: '协商事项不能重复' },
  );

export const createConsultationPlanBody = z
  .object({
    year,
    title: requiredText('计划名称', 100),
    items: items.default([]),
  })
  .strict();
export type CreateConsultationPlanInput = z.infer<typeof createConsultationPlanBody>;

/** The whole item list replaces the plan's: items named by `id` are kept, the others are added. */
export const updateConsultationPlanBody = z
  .object({
    title: requiredText('计划名称', 100).optional(),
    items,
    version: versionField,
  })
  .strict();
export type UpdateConsultationPlanInput = z.infer<typeof updateConsultationPlanBody>;

export const consultationPlanVersionBody = z.object({ version: versionField }).strict();

export const approveConsultationPlanBody = z
  .object({
    approvedOn: isoDate,
    documentNumber: requiredText('批准文号', 60),
    version: versionField,
  })
  .strict();
export type ApproveConsultationPlanInput = z.infer<typeof approveConsultationPlanBody>;

export const withdrawConsultationPlanBody = z
  .object({ reason: requiredText('退回理由', 200), version: versionField })
  .strict();

const yearQuery = z.coerce
  .number({ error: '年度应为数字' })
  .int('年度应为整数')
  .min(planYearMin, `年度应在 ${planYearMin}–${planYearMax} 之间`)
  .max(planYearMax, `年度应在 ${planYearMin}–${planYearMax} 之间`);

export const listConsultationPlansQuery = z.object({ year: yearQuery.optional() }).strict();

/** The items an activity may carry out: the plan of the activity's year. */
export const planItemOptionsQuery = z.object({ year: yearQuery }).strict();
