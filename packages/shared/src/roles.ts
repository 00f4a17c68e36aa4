import { z } from 'zod';
import { codesOf } from './codes';
import { roleLabels } from './labels';

/** Roles from DOMAIN.md. A user may hold several, except that the three admin roles exclude each other. */
export const roles = codesOf(roleLabels);
export const roleSchema = z.enum(roles);
export type Role = (typeof roles)[number];

/** 三员分立: no account holds two of these. */
export const separatedAdminRoles: readonly Role[] = ['sysAdmin', 'securityAdmin', 'auditAdmin'];

export const staffRoles: readonly Role[] = ['proposalStaff', 'opinionStaff', 'liaisonStaff'];

/** Returns the admin roles that violate separation of duties, or an empty list. */
export function conflictingAdminRoles(held: readonly Role[]): Role[] {
  const admins = held.filter((r) => separatedAdminRoles.includes(r));
  return admins.length > 1 ? admins : [];
}
