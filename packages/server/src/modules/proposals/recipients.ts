import type { DbOrTx } from '../../db/client';
import type { NotificationInput } from '../../lib/notify';
import { notifyRoles, roleUserIds } from '../../lib/recipients';

export { memberUserIds, notifyMembers, notifyUnits, unitUserIds } from '../../lib/recipients';

export const staffUserIds = (db: DbOrTx, committeeId: number) =>
  roleUserIds(db, committeeId, ['proposalStaff']);

export const link = (proposalId: number) => `/proposals/${proposalId}`;

export const notifyStaff = (db: DbOrTx, committeeId: number, n: NotificationInput) =>
  notifyRoles(db, committeeId, ['proposalStaff'], n);
