import { useEffect, useState } from 'react';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { AssignmentHints, SearchKind, SearchResult, SimilarKind, SimilarResult } from '@cppcc/shared';
import { api } from './client';

/** The global search of the top bar (`GET /api/search`): only what the signed-in user may read. */
export type { Highlighted, SearchHit, SearchKind, SearchResult } from '@cppcc/shared';

export interface SearchParams {
  q: string;
  kind?: SearchKind;
  year?: number;
  state?: string;
  category?: string;
  sectorId?: number;
  unitId?: number;
  sort: 'relevance' | 'date';
  page: number;
  pageSize: number;
}

/** One page of hits with the counts per kind; nothing is asked while the query is empty. */
export function useSearch(params: SearchParams, enabled: boolean) {
  return useQuery({
    queryKey: ['/api/search', params],
    queryFn: () => api<SearchResult>('/api/search', { query: { ...params } }),
    placeholderData: keepPreviousData,
    enabled,
    // The page says why a query was refused; no toast on top.
    meta: { silent: true },
  });
}

export type { AssignmentHint, AssignmentHints, SimilarItem, SimilarKind, SimilarResult } from '@cppcc/shared';

/** The value, once it has stopped changing for `ms` (a hint asked for while typing, not per key). */
export function useDebounced<T>(value: T, ms = 600): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Proposals and opinions of every year like a text being written; asked once the typing pauses. */
export function useSimilarToText(text: { title: string; content: string }, kinds: SimilarKind[]) {
  const settled = useDebounced({ title: text.title.trim(), content: text.content.slice(0, 5000) });
  return useQuery({
    queryKey: ['/api/search/similar', settled, kinds],
    queryFn: () => api<SimilarResult>('/api/search/similar', { method: 'POST', body: { ...settled, kinds } }),
    // A hint, never in the way: too short a title asks nothing, a failure shows nothing.
    enabled: settled.title.replace(/^关于|的(提案|建议)$/g, '').length >= 4,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    meta: { silent: true },
  });
}

/** Records like a proposal at review or an opinion being edited, ranked, duplicates flagged. */
export function useSimilarToRecord(kind: SimilarKind, id: number, enabled = true) {
  return useQuery({
    queryKey: ['/api/search/similar', kind, id],
    queryFn: () => api<SimilarResult>(`/api/search/similar/${kind}/${id}`),
    enabled,
  });
}

/** The same for several records at once (the articles of an issue being compiled), in their order. */
export function useSimilarToRecords(kind: SimilarKind, ids: number[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: ['/api/search/similar', kind, id],
      queryFn: () => api<SimilarResult>(`/api/search/similar/${kind}/${id}`),
      staleTime: 60_000,
    })),
  });
}

/** Suggested lead units and category per proposal, for the staff at review and assignment. */
export function useAssignmentHints(proposalIds: number[], enabled = true) {
  const ids = [...new Set(proposalIds)].sort((a, b) => a - b).slice(0, 200);
  return useQuery({
    queryKey: ['/api/search/assignment-hints', ids],
    queryFn: () =>
      api<AssignmentHints>('/api/search/assignment-hints', { method: 'POST', body: { proposalIds: ids } }),
    enabled: enabled && ids.length > 0,
    staleTime: 5 * 60_000,
    meta: { silent: true },
  });
}
