import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CurrentSession, CurrentUser as CurrentUserAnswer } from '@cppcc/shared';
import { clearSessionEnded } from '../app/sessionEnd';
import { ApiError, api, setCsrfToken } from './client';
import { setDisplayTimeZone } from '../app/timeZone';

/** The signed-in user as `/api/auth/me` answers it, with their collection abilities. */
export type CurrentUser = CurrentUserAnswer;

export const meKey = ['auth', 'me'] as const;

/**
 * The signed-in user, or null when nobody is signed in. Asked of `/api/auth/session`, which answers a
 * visitor 200 with no user: a 401 would be logged by the browser as an error on every login page.
 */
export async function fetchCurrentUser(): Promise<CurrentUser | null> {
  try {
    const { user } = await api<CurrentSession>('/api/auth/session', { skipAuthRedirect: true });
    setCsrfToken(user?.csrfToken ?? null);
    if (user) setDisplayTimeZone(user.committee.timeZone);
    return user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMeQuery() {
  return useQuery({ queryKey: meKey, queryFn: fetchCurrentUser, staleTime: 5 * 60_000, retry: false });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { login: string; password: string }) =>
      api<CurrentUser>('/api/auth/login', { method: 'POST', body, skipAuthRedirect: true }),
    meta: { silent: true },
    onSuccess: (user) => {
      clearSessionEnded();
      setCsrfToken(user.csrfToken);
      setDisplayTimeZone(user.committee.timeZone);
      queryClient.clear();
      queryClient.setQueryData(meKey, user);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/auth/logout', { method: 'POST', skipAuthRedirect: true }),
    meta: { silent: true },
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(meKey, null);
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api<void>('/api/auth/password', { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: () => {
      queryClient.setQueryData<CurrentUser | null>(meKey, (user) =>
        user ? { ...user, mustChangePassword: false } : user,
      );
    },
  });
}
