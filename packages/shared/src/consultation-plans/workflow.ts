import { codesOf } from '../codes';
import {
  consultationPlanCommandLabels,
  consultationPlanStateLabels,
  planItemProgressLabels,
} from '../labels';
import { defineWorkflowTable, transitionBuilders } from '../workflow';

/** The annual consultation plan (年度协商计划). */

export const consultationPlanStates = codesOf(consultationPlanStateLabels);
export type ConsultationPlanState = (typeof consultationPlanStates)[number];
export const consultationPlanCommands = codesOf(consultationPlanCommandLabels);
export type ConsultationPlanCommand = (typeof consultationPlanCommands)[number];
/** Abilities of the `consultationPlan` policy: manage = the staff who draw up the plan (liaison staff). */
export const consultationPlanPermissions = ['manage'] as const;
export type ConsultationPlanPermission = (typeof consultationPlanPermissions)[number];

const planRows = transitionBuilders<
  ConsultationPlanState,
  ConsultationPlanCommand,
  ConsultationPlanPermission
>();

/**
 * A plan is drafted (items: topic, kind, lead special committee, quarter), submitted to the Party
 * committee, and approved (date, document number); a submitted plan may be taken back for changes.
 * Activities link to its items whatever its state; an approved plan's items are not edited.
 */
export const consultationPlanWorkflowTable = defineWorkflowTable({
  label: '年度协商计划',
  stateLabels: consultationPlanStateLabels,
  commandLabels: consultationPlanCommandLabels,
  transitions: [
    ...planRows.stay(['draft'], 'update', 'manage'),
    ...planRows.move(['draft'], 'submit', 'submitted', 'manage'),
    ...planRows.move(['submitted'], 'withdraw', 'draft', 'manage'),
    ...planRows.move(['submitted'], 'approve', 'approved', 'manage'),
  ],
});

export const planItemProgresses = codesOf(planItemProgressLabels);
export type PlanItemProgress = (typeof planItemProgresses)[number];
