import { definePolicy } from '../lib/policy';
import { hasRole } from '../lib/actor';

/** User accounts: the security administrator manages them; everyone reads their own. */
export const accountPolicy = definePolicy<{ committeeId: number; id: number }>({
  resource: 'account',
  label: '账号',
  abilities: {
    read: (actor, account) => actor.userId === account.id || hasRole(actor, 'securityAdmin'),
    list: (actor) => hasRole(actor, 'securityAdmin'),
    create: (actor) => hasRole(actor, 'securityAdmin'),
    update: (actor) => hasRole(actor, 'securityAdmin'),
    resetPassword: (actor, account) => hasRole(actor, 'securityAdmin') && actor.userId !== account.id,
  },
});
