import { z } from 'zod';
import { accountSchema } from './accounts';
import { policiesSchema } from './organisation';
import { codesOf } from './codes';
import { accountApprovalKindLabels, accountApprovalStatusLabels } from './labels';

export const accountApprovalKinds = codesOf(accountApprovalKindLabels);
export type AccountApprovalKind = (typeof accountApprovalKinds)[number];

export const accountApprovalStatuses = codesOf(accountApprovalStatusLabels);
export type AccountApprovalStatus = (typeof accountApprovalStatuses)[number];

export const listAccountApprovalsQuery = z
  .object({ status: z.enum(accountApprovalStatuses, { error: '审批状态不正确' }).default('pending') })
  .strict();
export type ListAccountApprovalsQuery = z.infer<typeof listAccountApprovalsQuery>;

export const rejectAccountApprovalBody = z
  .object({ note: z.string().trim().max(200, '驳回理由不超过 200 个字').optional() })
  .strict();

export const accountApprovalSchema = z.object({
  id: z.number(),
  kind: z.enum(accountApprovalKinds),
  kindLabel: z.string(),
  status: z.enum(accountApprovalStatuses),
  statusLabel: z.string(),
  summary: z.string(),
  targetUserId: z.number().nullable(),
  requestedById: z.number(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  policies: policiesSchema,
});
export type AccountApprovalDto = z.infer<typeof accountApprovalSchema>;
export const accountApprovalListSchema = z.object({ items: z.array(accountApprovalSchema) });

/** What a request that needs a second administrator answers (HTTP 202) instead of the change. */
export const pendingApprovalSchema = z.object({ pendingApproval: accountApprovalSchema });
export type PendingApprovalDto = z.infer<typeof pendingApprovalSchema>;

/** The approver's answer: the approval, the account, and a one-time password shown to the approver only. */
export const approvalDecisionSchema = z.object({
  approval: accountApprovalSchema,
  account: accountSchema.nullable(),
  initialPassword: z.string().nullable(),
});
export type ApprovalDecisionDto = z.infer<typeof approvalDecisionSchema>;
