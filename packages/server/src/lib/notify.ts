import type { DbOrTx } from '../db/client';
import { notifications } from '../db/schema';

export interface NotificationInput {
  kind: string;
  title: string;
  body?: string;
  link?: string;
  data?: unknown;
}

/** Sends an in-app notification to each user; call it inside the transaction of the change. */
export async function notifyUsers(db: DbOrTx, committeeId: number, userIds: number[], n: NotificationInput) {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  await db.insert(notifications).values(
    unique.map((userId) => ({
      committeeId,
      userId,
      kind: n.kind,
      title: n.title,
      body: n.body ?? null,
      link: n.link ?? null,
      data: n.data ?? null,
    })),
  );
}
