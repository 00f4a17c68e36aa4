import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  forwardingCommandRoutes,
  opinionCommandRoutes,
  type CommandRequest,
  type ForwardingCommandRoutes,
  type ForwardingDto,
  type forwardingPageSchema,
  type OpinionCommandRoutes,
  type OpinionDetail,
  type OpinionFigures,
  type OpinionFormOptions,
  type OpinionIssueDto,
  type opinionIssuePageSchema,
  type opinionPageSchema,
} from '@cppcc/shared';
import { api } from './client';
import { postWorkflowCommand, useWorkflowCommand } from './workflow-commands';

/** Data of the opinion API (社情民意信息): opinions, forwarded items (转办件), issues (期刊) and figures. */

// The server's response schemas (packages/shared/src/opinions/) are the types of the pages.
export type {
  ForwardingDto,
  OpinionDetail,
  OpinionFigure,
  OpinionFigures,
  OpinionFormOptions,
  OpinionIssueDto,
  OpinionListItem,
} from '@cppcc/shared';
export type OpinionPage = z.infer<typeof opinionPageSchema>;
export type ForwardingPage = z.infer<typeof forwardingPageSchema>;
export type OpinionIssuePage = z.infer<typeof opinionIssuePageSchema>;
export type OpinionIssueListItem = OpinionIssuePage['items'][number];

export type ListParams = Record<string, string | number | undefined>;

const opinions = '/api/opinions';
const forwardings = '/api/opinion-forwardings';
const issues = '/api/opinion-issues';

export function useOpinionList(params: ListParams, enabled = true) {
  return useQuery({
    queryKey: [opinions, 'list', params],
    queryFn: () => api<OpinionPage>(opinions, { query: params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOpinion(id: number | null) {
  return useQuery({
    queryKey: [opinions, 'record', id],
    queryFn: () => api<OpinionDetail>(`${opinions}/${id}`),
    enabled: id !== null,
    // The page shows why it cannot show the opinion; no toast on top.
    meta: { silent: true },
  });
}

/** Categories, the content limit, series, the caller's organisations, units and the parent committee. */
export function useOpinionFormOptions() {
  return useQuery({
    queryKey: [opinions, 'form-options'],
    queryFn: () => api<OpinionFormOptions>(`${opinions}/form-options`),
    staleTime: 5 * 60_000,
  });
}

export function useOpinionFigures(year: number, quarter?: number, enabled = true) {
  return useQuery({
    queryKey: [opinions, 'figures', year, quarter ?? 0],
    queryFn: () => api<OpinionFigures>(`${opinions}/figures`, { query: { year, quarter } }),
    enabled,
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: [opinions] });
    void queryClient.invalidateQueries({ queryKey: [issues] });
    void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  };
}

/** Create (no id) or edit an opinion draft. */
export function useSaveOpinion() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: unknown }) =>
      id === undefined
        ? api<OpinionDetail>(opinions, { method: 'POST', body })
        : api<OpinionDetail>(`${opinions}/${id}`, { method: 'PATCH', body }),
    // Forms show field problems and conflicts themselves.
    meta: { silent: true },
    onSuccess: refresh,
  });
}

/** One workflow command of the opinion (`opinionCommandRoutes`): `mutate({ command: 'adopt', body })`. */
export const useOpinionCommand = (id: number) =>
  useWorkflowCommand<OpinionCommandRoutes, OpinionDetail>(opinionCommandRoutes, opinions, id);

/** A command of an opinion whose id the caller has only just learnt (a draft saved on the way to submitting it). */
export const postOpinionCommand = (id: number, request: CommandRequest<OpinionCommandRoutes>) =>
  postWorkflowCommand<OpinionCommandRoutes, OpinionDetail>(opinionCommandRoutes, opinions, id, request);

export function useForwardingList(params: ListParams) {
  return useQuery({
    queryKey: [forwardings, 'list', params],
    queryFn: () => api<ForwardingPage>(forwardings, { query: params }),
    placeholderData: keepPreviousData,
  });
}

/** One command of a forwarded item; the opinion it belongs to is fetched again as well. */
export function useForwardingCommand(id: number) {
  const queryClient = useQueryClient();
  const command = useWorkflowCommand<ForwardingCommandRoutes, ForwardingDto>(
    forwardingCommandRoutes,
    forwardings,
    id,
  );
  return {
    ...command,
    mutateAsync: async (request: CommandRequest<ForwardingCommandRoutes>) => {
      const item = await command.mutateAsync(request);
      void queryClient.invalidateQueries({ queryKey: [opinions] });
      return item;
    },
  };
}

export function useIssueList(params: ListParams) {
  return useQuery({
    queryKey: [issues, 'list', params],
    queryFn: () => api<OpinionIssuePage>(issues, { query: params }),
    placeholderData: keepPreviousData,
  });
}

export function useIssue(id: number | null) {
  return useQuery({
    queryKey: [issues, 'record', id],
    queryFn: () => api<OpinionIssueDto>(`${issues}/${id}`),
    enabled: id !== null,
    meta: { silent: true },
  });
}

/** Create (no id) or edit an issue still being compiled. */
export function useSaveIssue() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: unknown }) =>
      id === undefined
        ? api<OpinionIssueDto>(issues, { method: 'POST', body })
        : api<OpinionIssueDto>(`${issues}/${id}`, { method: 'PATCH', body }),
    meta: { silent: true },
    onSuccess: refresh,
  });
}

/** 印发: the issue is marked sent (and its articles reported to the parent when it says so). */
export function useSendIssue(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (version: number) =>
      api<OpinionIssueDto>(`${issues}/${id}/send`, { method: 'POST', body: { version } }),
    meta: { silent: true },
    onSuccess: refresh,
  });
}

/** Downloads: the opinion list as a workbook, an issue as a Word document. */
export const opinionDocuments = {
  list: `${opinions}/export.xlsx`,
  issue: (id: number) => `${issues}/${id}/document.docx`,
};
