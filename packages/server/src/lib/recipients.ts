import { and, arrayOverlaps, eq, inArray } from 'drizzle-orm';
import type { Role } from '@cppcc/shared';
import type { DbOrTx } from '../db/client';
import { users } from '../db/schema';
import { notifyUsers, type NotificationInput } from './notify';

/** Who must act next, resolved to user accounts of the committee (disabled accounts get nothing). */
async function userIds(db: DbOrTx, committeeId: number, where: ReturnType<typeof and>) {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.committeeId, committeeId), eq(users.disabled, false), where));
  return rows.map((r) => r.id);
}

/** The accounts of a committee holding any of the roles (the proposal staff, the opinion staff …). */
export const roleUserIds = (db: DbOrTx, committeeId: number, roles: Role[]) =>
  userIds(db, committeeId, arrayOverlaps(users.roles, roles));

export const memberUserIds = (db: DbOrTx, committeeId: number, memberIds: number[]) =>
  memberIds.length === 0 ? Promise.resolve([]) : userIds(db, committeeId, inArray(users.memberId, memberIds));

export const unitUserIds = (
  db: DbOrTx,
  committeeId: number,
  unitIds: number[],
  roles: Role[] = ['unitHandler', 'unitHead'],
) =>
  unitIds.length === 0
    ? Promise.resolve([])
    : userIds(db, committeeId, and(inArray(users.unitId, unitIds), arrayOverlaps(users.roles, roles)));

export async function notifyRoles(db: DbOrTx, committeeId: number, roles: Role[], n: NotificationInput) {
  await notifyUsers(db, committeeId, await roleUserIds(db, committeeId, roles), n);
}
export async function notifyMembers(
  db: DbOrTx,
  committeeId: number,
  memberIds: number[],
  n: NotificationInput,
) {
  await notifyUsers(db, committeeId, await memberUserIds(db, committeeId, memberIds), n);
}
export async function notifyUnits(
  db: DbOrTx,
  committeeId: number,
  unitIds: number[],
  n: NotificationInput,
  roles?: Role[],
) {
  await notifyUsers(db, committeeId, await unitUserIds(db, committeeId, unitIds, roles), n);
}
