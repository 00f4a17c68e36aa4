import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SearchKind, SearchResult } from '@cppcc/shared';
import { api } from './client';

/** The global search of the top bar (`GET /api/search`): only what the signed-in user may read. */
export type { Highlighted, SearchHit, SearchKind, SearchResult } from '@cppcc/shared';

export interface SearchParams {
  q: string;
  kind?: SearchKind;
  year?: number;
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
