import { eq } from 'drizzle-orm';
import type { MatrixEntry } from '../../../test/matrix';
import { buildUser } from '../../../test/factories';
import type { Db } from '../../db/client';
import { notifications } from '../../db/schema';

/** An unread notification of a user of committee B, with a title that must not leak. */
async function foreignNotification(db: Db, committeeBId: number) {
  const user = await buildUser(db, committeeBId, ['member']);
  const marker = `外委通知${Math.random().toString(36).slice(2, 8)}`;
  const [row] = await db
    .insert(notifications)
    .values({ committeeId: committeeBId, userId: user.id, kind: 'test', title: marker })
    .returning();
  const snapshot = async (d: Db) =>
    (await d.select().from(notifications).where(eq(notifications.userId, user.id))).map((n) => [
      n.id,
      n.read,
    ]);
  return { id: row!.id, marker, snapshot };
}

export const matrix: MatrixEntry[] = [
  {
    route: 'GET /api/notifications',
    crossCommittee: {
      roles: ['member', 'leader'],
      async foreign(db, b) {
        const { marker } = await foreignNotification(db, b);
        return { url: '/api/notifications?pageSize=100', mustNotContain: marker };
      },
    },
  },
  {
    route: 'POST /api/notifications/:id/read',
    crossCommittee: {
      roles: ['member', 'leader'],
      async foreign(db, b) {
        const { id, snapshot } = await foreignNotification(db, b);
        return { url: `/api/notifications/${id}/read`, snapshot };
      },
    },
  },
  {
    route: 'POST /api/notifications/read-all',
    crossCommittee: {
      roles: ['member', 'leader'],
      async foreign(db, b) {
        const { marker, snapshot } = await foreignNotification(db, b);
        return { url: '/api/notifications/read-all', mustNotContain: marker, snapshot };
      },
    },
  },
];
