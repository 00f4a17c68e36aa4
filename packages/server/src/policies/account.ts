import { separatedAdminRoles, type Role } from '@cppcc/shared';
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
  collection: ['list', 'create'],
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

const isAdminRole = (role: Role) => separatedAdminRoles.includes(role);

/**
 * Whether a change to an account gives someone an administrator's powers, and so needs a second
 * administrator (or the server's command line): a new account with an administrator role, an
 * administrator role added, a disabled administrator enabled, an administrator's password reset.
 * Without this the security administrator could make an audit account, or take over the auditor's,
 * and read the audit log of their own actions.
 */
export function grantsAdministrator(
  before: { roles: Role[]; disabled: boolean } | null,
  after: { roles: Role[]; disabled: boolean; passwordReset?: boolean },
): boolean {
  if (!after.roles.some(isAdminRole)) return false;
  if (before === null || after.passwordReset) return true;
  if (after.roles.some((r) => isAdminRole(r) && !before.roles.includes(r))) return true;
  return before.disabled && !after.disabled;
}

/**
 * Pending approvals. The system administrator and the security administrators see them; anyone of
 * them except the requester and the account concerned decides, so no single person completes a
 * change that hands out administrator powers.
 */
export const accountApprovalPolicy = definePolicy<{
  committeeId: number;
  requestedBy: number;
  targetUserId: number | null;
}>({
  resource: 'accountApproval',
  label: '账号审批',
  collection: ['list'],
  abilities: {
    read: (actor) => hasRole(actor, 'sysAdmin', 'securityAdmin'),
    list: (actor) => hasRole(actor, 'sysAdmin', 'securityAdmin'),
    decide: (actor, approval) =>
      hasRole(actor, 'sysAdmin', 'securityAdmin') &&
      actor.userId !== approval.requestedBy &&
      actor.userId !== approval.targetUserId,
  },
});

export const accountPolicies = [accountPolicy, accountApprovalPolicy];
