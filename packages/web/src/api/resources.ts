import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrganisationOptions, Page } from '@cppcc/shared';
import type { Policies } from '../hooks/usePolicy';
import { api } from './client';

export type ListParams = Record<string, string | number | undefined>;

export interface Identified {
  id: number;
  policies?: Policies;
}

/** A list answer; `policies` on the page itself (e.g. `canCreate`) is optional. */
export type ListPage<T> = Page<T> & { policies?: Policies };

export function useResourceList<T>(endpoint: string, params: ListParams, enabled = true) {
  return useQuery({
    queryKey: [endpoint, 'list', params],
    queryFn: () => api<ListPage<T>>(endpoint, { query: params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useResourceRecord<T>(endpoint: string, id: number | null | undefined) {
  return useQuery({
    queryKey: [endpoint, 'record', id],
    queryFn: () => api<T>(`${endpoint}/${id}`),
    enabled: id != null,
  });
}

/** Create (no id) or update (id) a record; refreshes every query of the endpoint and the select options. */
export function useSaveResource<T>(endpoint: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number | null; body: unknown }) =>
      id == null
        ? api<T>(endpoint, { method: 'POST', body })
        : api<T>(`${endpoint}/${id}`, { method: 'PATCH', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [endpoint] });
      void queryClient.invalidateQueries({ queryKey: optionsKey });
    },
  });
}

/** An entry of a select list: its id and name, and per list a field or two (a session's term, a point's town). */
export type Option = OrganisationOptions[keyof OrganisationOptions][number];
export type { OrganisationOptions };

const optionsKey = ['/api/organisation/options'];

/** id/name lists for selects; one request serves every form of the admin pages. */
export function useOrganisationOptions() {
  return useQuery({
    queryKey: optionsKey,
    queryFn: () => api<Partial<OrganisationOptions>>('/api/organisation/options'),
    staleTime: 60_000,
  });
}

export const toSelectOptions = (items: Option[] | undefined) =>
  (items ?? []).map((o) => ({ value: o.id, label: o.name }));
