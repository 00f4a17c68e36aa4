import { z } from 'zod';
import { idParams, listNotificationsQuery, notificationPageSchema, notificationSchema } from '@cppcc/shared';
import type { AppInstance } from '../../app';
import { serviceContext } from '../../lib/request-context';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from './service';

export async function notificationRoutes(app: AppInstance) {
  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: '我的通知（含未读数）',
        querystring: listNotificationsQuery,
        response: {
          200: notificationPageSchema,
        },
      },
    },
    async (req) => {
      const { db, actor } = serviceContext(req);
      return listNotifications(db, actor, req.query);
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: '标记为已读',
        params: idParams,
        response: { 200: z.object({ notification: notificationSchema, unreadCount: z.number() }) },
      },
    },
    async (req) => {
      const { db, actor } = serviceContext(req);
      return markNotificationRead(db, actor, req.params.id);
    },
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
    async (req) => {
      const { db, actor } = serviceContext(req);
      return markAllNotificationsRead(db, actor);
    },
  );
}
