import type { Role } from '@cppcc/shared';
import { hasRole } from '../lib/actor';
import { defineCollectionPolicy, definePolicy } from '../lib/policy';

/** A home-page card group: shown to the roles its provider names, or to everyone when it names none. */
export const homeCardPolicy = definePolicy<{ committeeId: number; roles?: readonly Role[] }>({
  resource: 'homeCard',
  label: '首页卡片',
  abilities: {
    read: (a, card) => !card.roles || hasRole(a, ...card.roles),
  },
});

/** The home page: leaders see it as the committee's overview (总览), everyone else as their own 首页. */
export const homePolicy = defineCollectionPolicy({
  resource: 'home',
  label: '首页',
  abilities: {
    overview: (a) => hasRole(a, 'leader'),
  },
});

export const homePolicies = [homeCardPolicy, homePolicy];
