import { z } from 'zod';
import { activityStates } from '../activities/workflow';
import { pageSchema, policiesSchema, timelineEntrySchema } from '../organisation';
import { consultationPlanStates, planItemProgresses } from './workflow';

/** Consultation plan response DTOs: the server's presenters produce exactly these. */

/** Items of a plan by how far they have got, in 项; `total` = done + inProgress + notStarted. */
export const planProgressCountsSchema = z.object({
  done: z.number(),
  inProgress: z.number(),
  notStarted: z.number(),
  total: z.number(),
  unit: z.literal('项'),
});
export type PlanProgressCounts = z.infer<typeof planProgressCountsSchema>;

export const planLinkedActivitySchema = z.object({
  id: z.number(),
  topic: z.string(),
  startsAt: z.string(),
  state: z.enum(activityStates),
  stateLabel: z.string(),
});
export type PlanLinkedActivity = z.infer<typeof planLinkedActivitySchema>;

export const planItemSchema = z.object({
  id: z.number(),
  position: z.number(),
  topic: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  leadSpecialCommitteeId: z.number().nullable(),
  leadSpecialCommitteeName: z.string().nullable(),
  quarter: z.number(),
  note: z.string().nullable(),
  /** notStarted: no linked activity; inProgress: linked ones, none closed; done: at least one closed. */
  progress: z.enum(planItemProgresses),
  progressLabel: z.string(),
  activities: z.array(planLinkedActivitySchema),
});
export type PlanItemDto = z.infer<typeof planItemSchema>;

export const consultationPlanListItemSchema = z.object({
  id: z.number(),
  year: z.number(),
  title: z.string(),
  state: z.enum(consultationPlanStates),
  stateLabel: z.string(),
  submittedAt: z.string().nullable(),
  /** The day of approval, `YYYY-MM-DD` in the committee's zone. */
  approvedOn: z.string().nullable(),
  documentNumber: z.string().nullable(),
  counts: planProgressCountsSchema,
  version: z.number(),
});
export type ConsultationPlanListItem = z.infer<typeof consultationPlanListItemSchema>;
export const consultationPlanPageSchema = pageSchema(consultationPlanListItemSchema);

export const consultationPlanDetailSchema = consultationPlanListItemSchema.extend({
  items: z.array(planItemSchema),
  timeline: z.array(timelineEntrySchema),
  policies: policiesSchema,
});
export type ConsultationPlanDetail = z.infer<typeof consultationPlanDetailSchema>;

/** The items an activity may be linked to: `topic（第N季度）`. */
export const planItemOptionsSchema = z.array(z.object({ id: z.number(), label: z.string() }));
export type PlanItemOptions = z.infer<typeof planItemOptionsSchema>;
