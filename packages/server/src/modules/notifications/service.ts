import { and, count, eq, type SQL } from 'drizzle-orm';
import type { ListNotificationsQuery, NotificationDto, NotificationPage } from '@cppcc/shared';
import type { Db, DbOrTx } from '../../db/client';
import { notifications } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { newestFirstPage } from '../../lib/list';
import { authorize } from '../../lib/policy';

/** Every query is scoped to the recipient and their committee: nobody reads or marks another's notifications. */
const mine = (actor: Actor) =>
  and(eq(notifications.userId, actor.userId), eq(notifications.committeeId, actor.committeeId))!;

export function presentNotification(row: typeof notifications.$inferSelect): NotificationDto {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    read: row.read,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function countUnread(db: DbOrTx, actor: Actor) {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine(actor), eq(notifications.read, false)));
  return row?.n ?? 0;
}

export async function listNotifications(
  db: Db,
  actor: Actor,
  query: ListNotificationsQuery,
): Promise<NotificationPage> {
  const conditions: SQL[] = [mine(actor)];
  if (query.unreadOnly) conditions.push(eq(notifications.read, false));
  const where = and(...conditions);
  const { rows, total } = await newestFirstPage(db, notifications, where, query);
  return {
    items: rows.map(presentNotification),
    total,
    page: query.page,
    pageSize: query.pageSize,
    unreadCount: await countUnread(db, actor),
  };
}

export async function markNotificationRead(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), mine(actor)));
  if (!row) throw notFound('通知');
  authorize(actor, 'markRead', 'notification', row);
  const [updated] = await db
    .update(notifications)
    .set({ read: true })
    .where(and(eq(notifications.id, id), mine(actor)))
    .returning();
  return { notification: presentNotification(updated!), unreadCount: await countUnread(db, actor) };
}

export async function markAllNotificationsRead(db: Db, actor: Actor) {
  const updated = await db
    .update(notifications)
    .set({ read: true })
    .where(and(mine(actor), eq(notifications.read, false)))
    .returning({ id: notifications.id });
  return { updated: updated.length, unreadCount: await countUnread(db, actor) };
}
