import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountApprovalDto, AccountApprovalStatus, ApprovalDecisionDto } from '@cppcc/shared';
import { api } from './client';

const key = ['/api/account-approvals'];

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
        queryClient.invalidateQueries({ queryKey: ['/api/accounts'] }),
      ]),
  });
}

/** Refreshes the pending list after a request answered 202. */
export function useRefreshApprovals() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: key });
}
