import { z } from 'zod';
import { idParams, listNotificationsQuery } from '@cppcc/shared';
import type { AppInstance } from '../../app';
import './home';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from './service';

const notificationResponse = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  read: z.boolean(),
  createdAt: z.string(),
});

export async function notificationRoutes(app: AppInstance) {
  const { db } = app.deps.database;

  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: '我的通知（含未读数）',
        querystring: listNotificationsQuery,
        response: {
          200: z.object({
            items: z.array(notificationResponse),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
            unreadCount: z.number(),
          }),
        },
      },
    },
    async (req) => listNotifications(db, req.actor!, req.query),
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: '标记为已读',
        params: idParams,
        response: { 200: z.object({ notification: notificationResponse, unreadCount: z.number() }) },
      },
    },
    async (req) => markNotificationRead(db, req.actor!, req.params.id),
  );

  app.post(
    '/notifications/read-all',
    {
      schema: {
        tags: ['notifications'],
        summary: '全部标记为已读',
        response: { 200: z.object({ updated: z.number(), unreadCount: z.number() }) },
      },
    },
    async (req) => markAllNotificationsRead(db, req.actor!),
  );
}
