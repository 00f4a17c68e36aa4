import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { attachments, members, specialCommittees, units } from '../db/schema';
import type { Actor } from './actor';
import { invalidField } from './errors';
import { attachToRecord } from './storage';

/**
 * Checks of the records a request names — units, members, uploaded files — inside the actor's
 * committee, refused as the field that named them.
 */

/** Attachment types a proposal, answer or opinion may carry: documents and images, never executables. */
export const allowedAttachmentTypes = new Set([
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/wps-office.doc',
  'application/vnd.ofd',
  'image/jpeg',
  'image/png',
  'text/plain',
]);

const unique = (ids: number[]) => [...new Set(ids)];

export async function checkUnits(db: DbOrTx, committeeId: number, unitIds: number[], path: string) {
  const ids = unique(unitIds);
  if (ids.length === 0) return [];
  const found = await db
    .select({ id: units.id, name: units.name, active: units.active })
    .from(units)
    .where(and(eq(units.committeeId, committeeId), inArray(units.id, ids)));
  const missing = ids.filter((id) => !found.some((u) => u.id === id && u.active));
  if (missing.length > 0) throw invalidField(path, `承办单位不存在或已停用（编号 ${missing.join('、')}）`);
  return found;
}

export async function checkMembers(db: DbOrTx, committeeId: number, memberIds: number[], path: string) {
  const ids = unique(memberIds);
  if (ids.length === 0) return [];
  const found = await db
    .select({ id: members.id, name: members.name, status: members.status })
    .from(members)
    .where(and(eq(members.committeeId, committeeId), inArray(members.id, ids)));
  const missing = ids.filter((id) => !found.some((m) => m.id === id && m.status === 'active'));
  if (missing.length > 0) throw invalidField(path, `委员不存在或不在任（编号 ${missing.join('、')}）`);
  return found;
}

/** Special committees named by a request (a lead committee …), each refused at its own path. */
export async function checkSpecialCommittees(
  db: DbOrTx,
  committeeId: number,
  named: { id: number; path: string }[],
) {
  const ids = unique(named.map((n) => n.id));
  if (ids.length === 0) return [];
  const found = await db
    .select({ id: specialCommittees.id, name: specialCommittees.name })
    .from(specialCommittees)
    .where(and(eq(specialCommittees.committeeId, committeeId), inArray(specialCommittees.id, ids)));
  const missing = named.find((n) => !found.some((c) => c.id === n.id));
  if (missing) throw invalidField(missing.path, `专门委员会不存在（编号 ${missing.id}）`);
  return found;
}

/**
 * Binds uploaded files to a record through lib/storage (only the uploader's own unattached files, or
 * files already on this record). The type is checked again here: a row that bypassed the upload
 * check (import, older data) must still not attach an executable to an official document.
 */
export async function bindAttachments(
  db: DbOrTx,
  actor: Actor,
  ids: number[],
  owner: { type: string; id: number },
  path: string,
) {
  const wanted = unique(ids);
  if (wanted.length === 0) return [];
  const rows = await db
    .select({ id: attachments.id, fileName: attachments.fileName, mimeType: attachments.mimeType })
    .from(attachments)
    .where(and(eq(attachments.committeeId, actor.committeeId), inArray(attachments.id, wanted)));
  for (const row of rows) {
    if (!allowedAttachmentTypes.has(row.mimeType)) {
      throw invalidField(path, `附件“${row.fileName}”的类型不允许，请上传 PDF、Word、Excel、图片或文本文件`);
    }
  }
  return attachToRecord(db, actor, wanted, owner.type, owner.id, path);
}
