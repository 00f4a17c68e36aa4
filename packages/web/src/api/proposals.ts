import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  proposalCommandRoutes,
  type BatchAssignResult,
  type BatchReviewInput,
  type BatchReviewResult,
  type CoProposerCandidate,
  type CommandRequest,
  type KeyProposalProgress,
  type Page,
  type ProposalCommandRoutes,
  type ProposalDetail,
  type ProposalFigures,
  type ProposalFormOptions,
  type ProposalListItem,
  type SupervisorCandidate,
} from '@cppcc/shared';
import { api } from './client';
import { postWorkflowCommand, useWorkflowCommand } from './workflow-commands';

/** Data of the proposal API (packages/server/src/modules/proposals): list items, the full record, figures. */

// The server's response schemas (packages/shared/src/proposals/) are the types of the pages.
export type {
  BreakdownRow,
  CoProposerCandidate,
  Figure,
  FigureFilter,
  ProposalDetail,
  ProposalFigures,
  ProposalFormOptions,
  ProposalListItem,
  RateFigure,
} from '@cppcc/shared';
export type AnswerView = ProposalDetail['answers'][number];

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

export function useProposalFigures(scope: { sessionId?: number; year?: number }) {
  return useQuery({
    queryKey: [...root, 'figures', scope],
    queryFn: () => api<ProposalFigures>('/api/proposals/figures', { query: scope }),
    enabled: scope.sessionId !== undefined || scope.year !== undefined,
  });
}

/** The key proposals behind the figures' 重点提案, a page at a time, with their supervision. */
export function useKeyProposalProgress(
  scope: { sessionId?: number; year?: number },
  page: number,
  pageSize: number,
) {
  return useQuery({
    queryKey: [...root, 'figures', scope, 'key-proposals', page, pageSize],
    queryFn: () =>
      api<Page<KeyProposalProgress>>('/api/proposals/figures/key-proposals', {
        query: { ...scope, page, pageSize },
      }),
    enabled: scope.sessionId !== undefined || scope.year !== undefined,
    placeholderData: keepPreviousData,
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

/** Members the caller may invite to sign jointly, by a part of their name; asks nothing for an empty name. */
export function useCoProposerCandidates(q: string) {
  return useQuery({
    queryKey: [...root, 'co-proposer-candidates', q],
    queryFn: () =>
      api<{ items: CoProposerCandidate[] }>('/api/proposals/co-proposer-candidates', { query: { q } }),
    enabled: q.length > 0,
  });
}

/** Leaders who may supervise a key proposal (领衔督办); only staff and leaders ask for them. */
export function useSupervisorCandidates(enabled: boolean) {
  return useQuery({
    queryKey: [...root, 'supervisor-candidates'],
    queryFn: () => api<{ items: SupervisorCandidate[] }>('/api/proposals/supervisor-candidates'),
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

/** A command of a proposal whose id the caller has only just learnt (a draft saved on the way to submitting it). */
export const postProposalCommand = (id: number, request: CommandRequest<ProposalCommandRoutes>) =>
  postWorkflowCommand<ProposalCommandRoutes, ProposalDetail>(proposalCommandRoutes, root[0], id, request);

/** 交办会: many proposals at once, all or none. */
export function useBatchAssign() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: unknown) =>
      api<BatchAssignResult>('/api/proposals/batch-assign', { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: refresh,
  });
}

/** 立案审查会: one decision (立案, 不予立案, 并案) for many proposals, all or none. */
export function useBatchReview() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: BatchReviewInput) =>
      api<BatchReviewResult>('/api/proposals/batch-review', { method: 'POST', body }),
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
