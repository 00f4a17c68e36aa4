import { definePolicy } from '../lib/policy';
import { hasRole } from '../lib/actor';

/**
 * User accounts (三员分立): only the security administrator manages them; everyone reads their own.
 * A security administrator may not change their own roles, disable or reset themselves:
 * that would let one person widen their own rights unobserved.
 */
export const accountPolicy = definePolicy<{ committeeId: number; id: number }>({
  resource: 'account',
  label: '账号',
  abilities: {
    read: (actor, account) => actor.userId === account.id || hasRole(actor, 'securityAdmin'),
    list: (actor) => hasRole(actor, 'securityAdmin'),
    create: (actor) => hasRole(actor, 'securityAdmin'),
    update: (actor) => hasRole(actor, 'securityAdmin'),
    changeRoles: (actor, account) => hasRole(actor, 'securityAdmin') && actor.userId !== account.id,
    disable: (actor, account) => hasRole(actor, 'securityAdmin') && actor.userId !== account.id,
    resetPassword: (actor, account) => hasRole(actor, 'securityAdmin') && actor.userId !== account.id,
    unlock: (actor) => hasRole(actor, 'securityAdmin'),
  },
});
