import { z } from 'zod';

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

export interface NotificationDto {
  id: number;
  kind: string;
  title: string;
  body: string | null;
  /** In-app path the notification points to, e.g. `/proposals/12`. */
  link: string | null;
  read: boolean;
  createdAt: string;
}

export interface NotificationPage {
  items: NotificationDto[];
  total: number;
  page: number;
  pageSize: number;
  unreadCount: number;
}

/** An uploaded file as the API returns it; download at `/api/attachments/:id/download`. */
export interface AttachmentDto {
  id: number;
  fileName: string;
  mimeType: string;
  size: number;
}

/** One card of the home page (GET /api/home); cards depend on the user's roles. */
export interface HomeCardDto {
  key: string;
  title: string;
  /** The headline figure, when the card has one. */
  value?: number;
  unit?: string;
  description?: string;
  /** In-app path to open, e.g. `/accounts?locked=true`. */
  link?: string;
  tone?: 'default' | 'warning' | 'danger';
  /** A list under the headline; `unit` follows the value, e.g. `%`. */
  items?: { label: string; value: number; unit?: string; link?: string }[];
}
