import type { CommandInput, ConsultationPlanCommandKey, ConsultationPlanCommandRoutes } from '@cppcc/shared';
import type { ConsultationPlanDetail } from '../../../api/consultation-plans';

/** What every action and dialog of the plan reads: the plan, its command, and the way to its form. */
export interface PlanActionContext {
  plan: ConsultationPlanDetail;
  send: <K extends ConsultationPlanCommandKey>(
    command: K,
    body: CommandInput<ConsultationPlanCommandRoutes, K>,
  ) => Promise<ConsultationPlanDetail>;
  navigate: (to: string) => void;
}
