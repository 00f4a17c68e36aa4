import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommitteeSettings, Page, ProposalState, SettingsDto } from '@cppcc/shared';
import type { Policies } from '../hooks/usePolicy';
import { api } from './client';

/** Data of the proposal API (packages/server/src/modules/proposals): list items, the full record, figures. */

export interface ProposalListItem {
  id: number;
  number: number | null;
  numberLabel: string;
  sessionId: number;
  sessionName: string;
  kind: 'session' | 'regular' | null;
  title: string;
  category: string;
  state: ProposalState;
  stateLabel: string;
  proposerType: 'member' | 'organisation';
  leadMemberName: string;
  organisationName: string | null;
  keyStatus: string;
  excellentStatus: string;
  answerCategory: string | null;
  submittedAt: string | null;
  deadline: string | null;
  overdue: boolean;
  units: { unitId: number; name: string; role: string; status: string; deadline: string }[];
  version: number;
  updatedAt: string;
}

export interface ProposerView {
  memberId: number;
  name: string;
  sector: string;
  employer: string | null;
  phone: string | null;
  role: 'lead' | 'co';
  status: 'invited' | 'confirmed' | 'declined' | 'expired';
  statusLabel: string;
  mergedFromId: number | null;
  invitedAt: string | null;
  respondedAt: string | null;
  deadline: string | null;
}

export interface UnitSlotView {
  id: number;
  unitId: number;
  name: string;
  role: 'lead' | 'co' | 'separate';
  roleLabel: string;
  status: 'assigned' | 'acknowledged' | 'declined' | 'answered';
  statusLabel: string;
  active: boolean;
  assignedAt: string;
  acknowledgeBy: string;
  deadline: string;
  originalDeadline: string | null;
  extensionReason: string | null;
  declineReason: string | null;
  overdue: boolean;
}

export interface AnswerView {
  id: number;
  unitId: number;
  unitName: string;
  round: number;
  category: string;
  originalCategory: string | null;
  text: string;
  contactPerson: string;
  contactPhone: string;
  attachmentIds: number[];
  state: 'draft' | 'pendingHead' | 'sent' | 'returned' | 'approved';
  stateLabel: string;
  headComment: string | null;
  staffReviewNote: string | null;
  sentAt: string | null;
  reviewedAt: string | null;
}

export interface RatingView {
  id: number;
  answerId: number;
  memberId: number;
  memberName: string;
  satisfaction: 'satisfied' | 'basicallySatisfied' | 'dissatisfied';
  attitude: 'satisfied' | 'basicallySatisfied' | 'dissatisfied';
  relevance: 'targeted' | 'partly' | 'notTargeted';
  comment: string | null;
  createdAt: string;
}

export interface TimelineEntry {
  id: number;
  action: string;
  actorName: string | null;
  actorRole: string | null;
  fromState: string | null;
  toState: string | null;
  note: string | null;
  createdAt: string;
}

export interface ProposalDetail {
  id: number;
  number: number | null;
  numberLabel: string;
  session: { id: number; name: string } | null;
  kind: string | null;
  kindLabel: string | null;
  title: string;
  category: string;
  content: string;
  state: ProposalState;
  stateLabel: string;
  proposerType: 'member' | 'organisation';
  organisationProposer: { id: number; name: string; kind: string } | null;
  leadMemberId: number;
  suggestedUnits: { id: number; name: string }[];
  attachmentIds: number[];
  cosignDeadline: string | null;
  rejection: {
    ground: string;
    reason: string | null;
    disposition: string | null;
    forwardUnitId: number | null;
  } | null;
  mergedIntoId: number | null;
  returnComment: string | null;
  assignmentMode: string | null;
  keyStatus: 'none' | 'nominated' | 'approved';
  excellentStatus: 'none' | 'nominated' | 'approved';
  answerCategory: string | null;
  rehandleCount: number;
  version: number;
  submittedAt: string | null;
  acceptedAt: string | null;
  assignedAt: string | null;
  deadline: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  proposers: ProposerView[];
  units: UnitSlotView[];
  unitOpinions: {
    id: number;
    fromUnitId: number;
    fromUnitName: string;
    toUnitId: number;
    text: string;
    contactPerson: string | null;
    attachmentIds: number[];
    createdAt: string;
  }[];
  answers: AnswerView[];
  ratings: RatingView[];
  evaluations: {
    id: number;
    direction: 'unitToProposal' | 'proposerToHandling';
    unitId: number;
    memberId: number | null;
    score: number;
    grade: string;
    comment: string | null;
    createdAt: string;
  }[];
  supervisors: { userId: number; name: string }[];
  supervisionLogs: { id: number; kind: string; text: string; author: string; occurredOn: string }[];
  followups: {
    id: number;
    answerId: number;
    unitId: number;
    status: string;
    requestNote: string | null;
    requestedAt: string;
    implementation: string | null;
    report: string | null;
    reportedAt: string | null;
  }[];
  timeline: TimelineEntry[];
  policies: Policies;
}

export interface SimilarProposal {
  id: number;
  number: number | null;
  numberLabel: string;
  title: string;
  state: ProposalState;
  stateLabel: string;
  sessionId: number;
  leadMemberName: string;
  score: number;
  exact: boolean;
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

/** The committee's settings: categories, content limit, rejection grounds, answer categories. */
export function useCommitteeSettings() {
  return useQuery({
    queryKey: ['/api/settings'],
    queryFn: () => api<SettingsDto>('/api/settings'),
    staleTime: 5 * 60_000,
    select: (d): CommitteeSettings => d.settings,
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

/** One workflow command: POST /api/proposals/:id/<path>; answers with the proposal as the caller now sees it. */
export function useProposalCommand(id: number) {
  const queryClient = useQueryClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown }) =>
      api<ProposalDetail>(`/api/proposals/${id}/${path}`, { method: 'POST', body: body ?? {} }),
    meta: { silent: true },
    onSuccess: (proposal) => {
      queryClient.setQueryData([...root, 'record', id], proposal);
      refresh();
    },
  });
}

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
