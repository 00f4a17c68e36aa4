import { z } from 'zod';
import { pageSchema } from './organisation';

export const listNotificationsQuery = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
    unreadOnly: z
      .enum(['true', 'false'], { error: '应为 true 或 false' })
      .transform((v) => v === 'true')
      .optional(),
  })
  .strict();
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuery>;

export const notificationSchema = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  /** In-app path the notification points to, e.g. `/proposals/12`. */
  link: z.string().nullable(),
  read: z.boolean(),
  createdAt: z.string(),
});
export type NotificationDto = z.infer<typeof notificationSchema>;

export const notificationPageSchema = pageSchema(notificationSchema).extend({ unreadCount: z.number() });
export type NotificationPage = z.infer<typeof notificationPageSchema>;

/** An uploaded file as the API returns it; download at `/api/attachments/:id/download`. */
export const attachmentSchema = z.object({
  id: z.number(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number(),
});
export type AttachmentDto = z.infer<typeof attachmentSchema>;

/** One card of the home page (GET /api/home); cards depend on the user's roles. */
export const homeCardSchema = z.object({
  key: z.string(),
  title: z.string(),
  /** The headline figure, when the card has one. */
  value: z.number().optional(),
  unit: z.string().optional(),
  description: z.string().optional(),
  /** In-app path to open, e.g. `/accounts?locked=true`. */
  link: z.string().optional(),
  tone: z.enum(['default', 'warning', 'danger']).optional(),
  /** A list under the headline; `unit` follows the value, e.g. `%`. */
  items: z
    .array(
      z.object({
        label: z.string(),
        value: z.number(),
        unit: z.string().optional(),
        link: z.string().optional(),
      }),
    )
    .optional(),
});
export type HomeCardDto = z.infer<typeof homeCardSchema>;
