import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { attachments } from '../../db/schema';
import type { AppConfig } from '../../env';
import type { Actor } from '../../lib/actor';
import { writeAudit } from '../../lib/audit';
import { AppError, notFound } from '../../lib/errors';
import { can } from '../../lib/policy';
import {
  canReadAttachment,
  presentAttachment,
  removeStoredFileIfUnused,
  type StoredFile,
} from '../../lib/storage';

export async function recordUpload(db: Db, actor: Actor, file: StoredFile) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(attachments)
      .values({
        committeeId: actor.committeeId,
        fileName: file.fileName,
        mimeType: file.mimeType,
        size: file.size,
        sha256: file.sha256,
        storageKey: file.storageKey,
        uploadedBy: actor.userId,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: 'attachment.upload',
      targetType: 'attachment',
      targetId: row!.id,
      summary: `上传附件“${file.fileName}”（${file.mimeType}，${file.size} 字节）`,
    });
    return presentAttachment(row!);
  });
}

/** The attachment if the actor may download it; otherwise not found, so ids of others' files leak nothing. */
export async function findReadableAttachment(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, id), eq(attachments.committeeId, actor.committeeId)));
  if (!row || !(await canReadAttachment(db, actor, row))) throw notFound('附件');
  return row;
}

export async function deleteAttachment(
  db: Db,
  config: Pick<AppConfig, 'uploadDir'>,
  actor: Actor,
  id: number,
) {
  const row = await findReadableAttachment(db, actor, id);
  if (!can(actor, 'delete', 'attachment', row)) {
    throw new AppError('FORBIDDEN', row.ownerType ? '附件已关联到记录，不能删除' : '只能删除自己上传的附件');
  }
  await db.transaction(async (tx) => {
    // The owner condition makes a concurrent attach win: a file attached meanwhile is not deleted.
    const deleted = await tx
      .delete(attachments)
      .where(
        and(
          eq(attachments.id, id),
          eq(attachments.committeeId, actor.committeeId),
          eq(attachments.uploadedBy, actor.userId),
        ),
      )
      .returning({ ownerType: attachments.ownerType });
    if (deleted.length === 0 || deleted[0]!.ownerType !== null)
      throw new AppError('CONFLICT', '附件刚被关联到记录，不能删除');
    await writeAudit(tx, actor, {
      action: 'attachment.delete',
      targetType: 'attachment',
      targetId: id,
      summary: `删除未关联的附件“${row.fileName}”`,
    });
  });
  await removeStoredFileIfUnused(db, config, row.storageKey);
}
