import { z } from 'zod';
import { codesOf } from './codes';

/** Roles from DOMAIN.md. A user may hold several, except that the three admin roles exclude each other. */
export const roleLabels = {
  member: '委员',
  unitHandler: '承办单位经办人',
  unitHead: '承办单位负责人',
  proposalStaff: '提案工作人员',
  opinionStaff: '信息工作人员',
  liaisonStaff: '委员联络工作人员',
  leader: '主席会议成员',
  partyLeader: '党政领导',
  sysAdmin: '系统管理员',
  securityAdmin: '安全管理员',
  auditAdmin: '安全审计员',
} as const;
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
