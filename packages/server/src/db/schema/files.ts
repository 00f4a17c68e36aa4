import { bigint, boolean, index, integer, jsonb, text } from 'drizzle-orm/pg-core';
import { committeeTable, createdAt, requiredReference } from './columns';
import { users } from './accounts';

/** Uploaded files; `ownerType/ownerId` name the record whose readers may download it. */
export const attachments = committeeTable(
  'attachments',
  {
    ownerType: text('owner_type'),
    ownerId: integer('owner_id'),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: requiredReference('uploaded_by', () => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('attachments_owner_idx').on(t.ownerType, t.ownerId)],
);

export const notifications = committeeTable(
  'notifications',
  {
    userId: requiredReference('user_id', () => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    link: text('link'),
    data: jsonb('data'),
    read: boolean('read').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user_read_idx').on(t.userId, t.read)],
);
