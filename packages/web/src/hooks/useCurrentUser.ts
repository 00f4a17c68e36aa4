import type { Role } from '@cppcc/shared';
import { useMeQuery, type CurrentUser } from '../api/auth';

/** The signed-in user; pages under the layout may rely on it being present. */
export function useCurrentUser(): CurrentUser {
  const { data } = useMeQuery();
  if (!data) throw new Error('useCurrentUser used outside a signed-in page');
  return data;
}

export function hasAnyRole(
  user: Pick<CurrentUser, 'roles'> | null | undefined,
  roles: readonly Role[],
): boolean {
  return !!user && user.roles.some((r) => roles.includes(r));
}
