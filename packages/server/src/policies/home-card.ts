import type { Role } from '@cppcc/shared';
import { hasRole } from '../lib/actor';
import { definePolicy } from '../lib/policy';

/** A home-page card group: shown to the roles its provider names, or to everyone when it names none. */
export const homeCardPolicy = definePolicy<{ committeeId: number; roles?: readonly Role[] }>({
  resource: 'homeCard',
  label: '首页卡片',
  abilities: {
    read: (a, card) => !card.roles || hasRole(a, ...card.roles),
  },
});
