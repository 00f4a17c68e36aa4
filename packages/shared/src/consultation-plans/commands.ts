import { defineCommandRoutes, type CommandKey, type CommandRequest } from '../workflow-commands';
import {
  approveConsultationPlanBody,
  consultationPlanVersionBody,
  withdrawConsultationPlanBody,
} from './requests';
import { consultationPlanCommands } from './workflow';

/** The plan's command routes, `POST /api/consultation-plans/:id/<path>`; `update` is the PATCH. */
export const consultationPlanCommandRoutes = defineCommandRoutes(consultationPlanCommands, {
  submit: { path: 'submit', summary: '报送党委审定', body: consultationPlanVersionBody },
  approve: { path: 'approve', summary: '登记党委批准（日期、文号）', body: approveConsultationPlanBody },
  withdraw: { path: 'withdraw', summary: '退回修改', body: withdrawConsultationPlanBody },
});
export type ConsultationPlanCommandRoutes = typeof consultationPlanCommandRoutes;
export type ConsultationPlanCommandKey = CommandKey<ConsultationPlanCommandRoutes>;
export type ConsultationPlanCommandRequest = CommandRequest<ConsultationPlanCommandRoutes>;

/** `topic（第N季度）`, as the activity form offers an item. */
export const planItemLabel = (item: { topic: string; quarter: number }) =>
  `${item.topic}（第${['一', '二', '三', '四'][item.quarter - 1] ?? item.quarter}季度）`;
