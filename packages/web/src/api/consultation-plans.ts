import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  consultationPlanCommandRoutes,
  type CommandRequest,
  type ConsultationPlanCommandRoutes,
  type ConsultationPlanDetail,
  type consultationPlanPageSchema,
  type createConsultationPlanBody,
  type PlanItemOptions,
  type updateConsultationPlanBody,
} from '@cppcc/shared';
import { api } from './client';
import { useWorkflowCommand } from './workflow-commands';

/** Data of the annual consultation plan API (年度协商计划): plans, their items and progress. */

// The server's response schemas (packages/shared/src/consultation-plans/) are the types of the pages.
export type {
  ConsultationPlanDetail,
  PlanItemDto,
  PlanLinkedActivity,
  PlanProgressCounts,
} from '@cppcc/shared';
export type ConsultationPlanPage = z.infer<typeof consultationPlanPageSchema>;

const plans = '/api/consultation-plans';

/** The plans of a year (none or one). */
export function useConsultationPlans(year: number) {
  return useQuery({
    queryKey: [plans, 'list', year],
    queryFn: () => api<ConsultationPlanPage>(plans, { query: { year } }),
  });
}

export function useConsultationPlan(id: number | null) {
  return useQuery({
    queryKey: [plans, 'record', id],
    queryFn: () => api<ConsultationPlanDetail>(`${plans}/${id}`),
    enabled: id !== null,
    meta: { silent: true },
  });
}

/** The items of a year's plan, for linking an activity to one. */
export function usePlanItemOptions(year: number | null) {
  return useQuery({
    queryKey: [plans, 'item-options', year],
    queryFn: () => api<PlanItemOptions>(`${plans}/item-options`, { query: { year: year ?? undefined } }),
    enabled: year !== null,
  });
}

export type SavePlanRequest =
  | { id?: undefined; body: z.input<typeof createConsultationPlanBody> }
  | { id: number; body: z.input<typeof updateConsultationPlanBody> };

/** Create (no id) or change a draft plan with its whole item list. */
export function useSavePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: SavePlanRequest) =>
      id === undefined
        ? api<ConsultationPlanDetail>(plans, { method: 'POST', body })
        : api<ConsultationPlanDetail>(`${plans}/${id}`, { method: 'PATCH', body }),
    // The form shows field problems and conflicts itself.
    meta: { silent: true },
    onSuccess: (record) => {
      queryClient.setQueryData([plans, 'record', record.id], record);
      void queryClient.invalidateQueries({ queryKey: [plans] });
    },
  });
}

/** One workflow command of the plan (`consultationPlanCommandRoutes`): `mutateAsync({ command: 'submit', body })`. */
export function usePlanCommand(id: number) {
  return useWorkflowCommand<ConsultationPlanCommandRoutes, ConsultationPlanDetail>(
    consultationPlanCommandRoutes,
    plans,
    id,
  );
}
export type PlanCommandRequest = CommandRequest<ConsultationPlanCommandRoutes>;

/** The plan as a Word document. */
export const planDocument = (id: number) => `${plans}/${id}/document.docx`;
