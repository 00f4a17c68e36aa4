import { z } from 'zod';
import { idParams, listNotificationsQuery, notificationPageSchema, notificationSchema } from '@cppcc/shared';
import type { AppInstance } from '../../app';
import { serviceContext } from '../../lib/request-context';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from './service';
import { documentedAs } from '../../lib/api-docs';

const doc = documentedAs('notifications');

export async function notificationRoutes(app: AppInstance) {
  app.get(
    '/notifications',
    doc('我的通知（含未读数）', {
      querystring: listNotificationsQuery,
      response: { 200: notificationPageSchema },
    }),
    async (req) => {
      const { db, actor } = serviceContext(req);
      return listNotifications(db, actor, req.query);
    },
  );

  app.post(
    '/notifications/:id/read',
    doc('标记为已读', {
      params: idParams,
      response: { 200: z.object({ notification: notificationSchema, unreadCount: z.number() }) },
    }),
    async (req) => {
      const { db, actor } = serviceContext(req);
      return markNotificationRead(db, actor, req.params.id);
    },
  );

  app.post(
    '/notifications/read-all',
    doc('全部标记为已读', { response: { 200: z.object({ updated: z.number(), unreadCount: z.number() }) } }),
    async (req) => {
      const { db, actor } = serviceContext(req);
      return markAllNotificationsRead(db, actor);
    },
  );
}
