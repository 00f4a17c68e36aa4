import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AccountApprovalDto,
  AccountApprovalStatus,
  AccountDto,
  ApprovalDecisionDto,
} from '@cppcc/shared';
import { api } from './client';

const key = ['/api/account-approvals'];
const accountsEndpoint = '/api/accounts';

/** An account as the security administrator's list shows it (the server's response schema). */
export type Account = AccountDto;

/**
 * One action on an account: `''` saves changes (PATCH), a path such as `/unlock` or `/reset-password`
 * posts to it. Every account query is fetched again afterwards.
 */
export function useAccountAction<TResult>(path: '' | `/${string}`) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body?: unknown }) =>
      api<TResult>(`${accountsEndpoint}/${id}${path}`, { method: path ? 'POST' : 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [accountsEndpoint] }),
  });
}

/** 三员分立: administrator account changes waiting for (or decided by) a second administrator. */
export function useAccountApprovals(status: AccountApprovalStatus = 'pending', enabled = true) {
  return useQuery({
    queryKey: [...key, status],
    queryFn: () => api<{ items: AccountApprovalDto[] }>('/api/account-approvals', { query: { status } }),
    enabled,
  });
}

export function useDecideApproval() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, approve, note }: { id: number; approve: boolean; note?: string }) =>
      api<ApprovalDecisionDto>(`/api/account-approvals/${id}/${approve ? 'approve' : 'reject'}`, {
        method: 'POST',
        body: approve ? {} : { note: note || undefined },
      }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: key }),
        queryClient.invalidateQueries({ queryKey: [accountsEndpoint] }),
      ]),
  });
}

/** Refreshes the pending list after a request answered 202. */
export function useRefreshApprovals() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: key });
}
