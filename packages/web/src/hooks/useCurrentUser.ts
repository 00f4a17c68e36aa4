import type { CurrentUserAbilities } from '@cppcc/shared';
import { useMeQuery, type CurrentUser } from '../api/auth';

/** The signed-in user; pages under the layout may rely on it being present. */
export function useCurrentUser(): CurrentUser {
  const { data } = useMeQuery();
  if (!data) throw new Error('useCurrentUser used outside a signed-in page');
  return data;
}

/** A collection ability (`proposals.review`), or several of which any one suffices. */
export type AbilityRequirement = string | readonly string[];

/** Whether the abilities sent with `/api/auth/me` meet the requirement; none: everyone signed in. */
export function holds(abilities: CurrentUserAbilities, required: AbilityRequirement | undefined): boolean {
  if (required === undefined) return true;
  return (typeof required === 'string' ? [required] : required).some((a) => abilities[a] === true);
}
