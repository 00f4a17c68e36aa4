import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  proposalCommandRoutes,
  type Page,
  type ProposalCommandRoutes,
  type ProposalDetail,
  type ProposalListItem,
  type similarProposalsSchema,
} from '@cppcc/shared';
import { api } from './client';
import { useWorkflowCommand } from './workflow-commands';

/** Data of the proposal API (packages/server/src/modules/proposals): list items, the full record, figures. */

// The server's response schemas (packages/shared/src/proposals.ts) are the types of the pages.
export type { ProposalDetail, ProposalListItem } from '@cppcc/shared';
export type AnswerView = ProposalDetail['answers'][number];
export type SimilarProposal = z.infer<typeof similarProposalsSchema>['items'][number];

/** GET /api/proposals/form-options: configured lists and limits, units, sessions, organisations the caller convenes. */
export interface ProposalFormOptions {
  categories: string[];
  contentLimit: number;
  titleLimit: number;
  rejectionGrounds: string[];
  answerCategories: { code: string; label: string }[];
  maxExtensionMonths: number;
  units: { id: number; name: string }[];
  sessions: { id: number; name: string; submissionOpens: string; submissionCloses: string }[];
  currentSessionId: number | null;
  organisationProposers: { id: number; name: string; kind: string }[];
}

/** A figure's list filter: list-query keys only (see figures/filters.ts on the server). */
export type FigureFilter = Partial<
  Record<
    | 'view'
    | 'state'
    | 'stage'
    | 'sessionId'
    | 'year'
    | 'category'
    | 'unitId'
    | 'answerCategory'
    | 'satisfaction'
    | 'sectorId',
    string | number
  >
>;

export interface Figure {
  key: string;
  label: string;
  value: number;
  filter: FigureFilter;
}

export interface RateFigure extends Omit<Figure, 'value'> {
  value: number | null;
  numerator: number;
  denominator: number;
}

export interface BreakdownRow {
  id: string;
  label: string;
  figures: Figure[];
}

export interface ProposalFigures {
  scope: { sessionId: number | null; year: number | null; label: string };
  totals: Figure[];
  rates: RateFigure[];
  byUnit: BreakdownRow[];
  bySector: BreakdownRow[];
  byCategory: BreakdownRow[];
  byAnswerCategory: Figure[];
  keyProgress: Figure[];
}

export type ProposalListParams = Record<string, string | number | undefined>;

const root = ['/api/proposals'] as const;

export function useProposalList(params: ProposalListParams) {
  return useQuery({
    queryKey: [...root, 'list', params],
    queryFn: () => api<Page<ProposalListItem>>('/api/proposals', { query: params }),
    placeholderData: keepPreviousData,
  });
}

export function useProposal(id: number | null) {
  return useQuery({
    queryKey: [...root, 'record', id],
    queryFn: () => api<ProposalDetail>(`/api/proposals/${id}`),
    enabled: id !== null,
    // The page shows why it cannot show the proposal; no toast on top.
    meta: { silent: true },
  });
}

export function useSimilarProposals(id: number, enabled: boolean) {
  return useQuery({
    queryKey: [...root, 'similar', id],
    queryFn: () => api<{ items: SimilarProposal[] }>(`/api/proposals/${id}/similar`),
    enabled,
  });
}

export function useProposalFigures(scope: { sessionId?: number; year?: number }) {
  return useQuery({
    queryKey: [...root, 'figures', scope],
    queryFn: () => api<ProposalFigures>('/api/proposals/figures', { query: scope }),
    enabled: scope.sessionId !== undefined || scope.year !== undefined,
  });
}

/** Lists and limits of the proposal forms, for every role of the committee. */
export function useProposalFormOptions() {
  return useQuery({
    queryKey: [...root, 'form-options'],
    queryFn: () => api<ProposalFormOptions>('/api/proposals/form-options'),
    staleTime: 5 * 60_000,
  });
}

/** Leaders who may supervise a key proposal (领衔督办); only staff and leaders ask for them. */
export function useSupervisorCandidates(enabled: boolean) {
  return useQuery({
    queryKey: [...root, 'supervisor-candidates'],
    queryFn: () =>
      api<{ items: { userId: number; name: string; title: string }[] }>(
        '/api/proposals/supervisor-candidates',
      ),
    enabled,
    staleTime: 5 * 60_000,
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: root });
    void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  };
}

/** Create (no id) or edit a proposal. */
export function useSaveProposal() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: unknown }) =>
      id === undefined
        ? api<ProposalDetail>('/api/proposals', { method: 'POST', body })
        : api<ProposalDetail>(`/api/proposals/${id}`, { method: 'PATCH', body }),
    // Forms show field problems and conflicts themselves.
    meta: { silent: true },
    onSuccess: refresh,
  });
}

/** One workflow command of the proposal (`proposalCommandRoutes`): `mutate({ command: 'accept', body })`. */
export const useProposalCommand = (id: number) =>
  useWorkflowCommand<ProposalCommandRoutes, ProposalDetail>(proposalCommandRoutes, root[0], id);

/** 交办会: many proposals at once, all or none. */
export function useBatchAssign() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: unknown) =>
      api<{ assigned: { id: number; state: string; version: number }[] }>('/api/proposals/batch-assign', {
        method: 'POST',
        body,
      }),
    meta: { silent: true },
    onSuccess: refresh,
  });
}

/** Document downloads of the documents routes. */
export const proposalDocuments = {
  proposal: (id: number) => `/api/proposals/${id}/document.docx`,
  answerLetter: (id: number) => `/api/proposals/${id}/answer-letter.docx`,
  compilation: (sessionId: number) => `/api/plenary-sessions/${sessionId}/proposal-compilation.docx`,
  list: '/api/proposals/export.xlsx',
};
