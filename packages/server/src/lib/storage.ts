import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromFile } from 'file-type';
import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { AttachmentDto } from '@cppcc/shared';
import type { AppConfig } from '../env';
import type { DbOrTx } from '../db/client';
import { attachments } from '../db/schema';
import type { Actor } from './actor';
import { AppError, invalidField } from './errors';
import { can } from './policy';
import { inspectZipFile, looksLikeZip, officeZipLimits } from './zip-limits';
import { columnsEqual } from './where';

/**
 * File storage: uploads live under config.uploadDir, named by the sha256 of their content
 * (`objects/ab/<sha256>`), never by the user's file name, so a name cannot traverse paths or
 * overwrite another file, and identical uploads share one copy.
 */

interface AllowedType {
  mimeType: string;
  extensions: string[];
  label: string;
}

/** What may be uploaded, keyed by the type file-type detects from the content. */
const allowedTypes: Record<string, AllowedType> = {
  pdf: { mimeType: 'application/pdf', extensions: ['.pdf'], label: 'PDF 文档' },
  docx: {
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['.docx'],
    label: 'Word 文档',
  },
  xlsx: {
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['.xlsx'],
    label: 'Excel 表格',
  },
  jpg: { mimeType: 'image/jpeg', extensions: ['.jpg', '.jpeg'], label: 'JPG 图片' },
  png: { mimeType: 'image/png', extensions: ['.png'], label: 'PNG 图片' },
};
/** Old Office files are OLE compound files; the content alone does not say Word or Excel. */
const compoundTypes: Record<string, AllowedType> = {
  '.doc': { mimeType: 'application/msword', extensions: ['.doc'], label: 'Word 文档' },
  '.xls': { mimeType: 'application/vnd.ms-excel', extensions: ['.xls'], label: 'Excel 表格' },
};
const textType: AllowedType = { mimeType: 'text/plain', extensions: ['.txt'], label: '纯文本' };

export const allowedUploadHint =
  '只能上传 PDF、Word（doc/docx）、Excel（xls/xlsx）、JPG/PNG 图片或纯文本（txt）文件';

export interface StoredFile {
  sha256: string;
  storageKey: string;
  size: number;
  mimeType: string;
  fileName: string;
}

/** Keeps only a safe display name: no directories, no control characters, bounded length. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (!clean || clean === '.' || clean === '..') return '附件';
  if (clean.length <= 120) return clean;
  const ext = extname(clean).slice(0, 10);
  return clean.slice(0, 120 - ext.length) + ext;
}

/** True when the sample looks like text: no NUL bytes and few other control characters. */
function looksLikeText(sample: Buffer): boolean {
  if (sample.length === 0) return false;
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 9 || (byte > 13 && byte < 32) || byte === 127) control++;
  }
  return control / sample.length < 0.01;
}

async function readSample(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Decides the stored MIME type from the content; refuses anything not on the list or whose name lies about it. */
async function detectType(path: string, fileName: string, uploadMaxBytes: number): Promise<string> {
  const ext = extname(fileName).toLowerCase();
  // .docx and .xlsx are zip archives: their directory is checked against the uncompressed-size
  // limits (a zip bomb is refused with 413) before anything, type sniffing included, inflates them.
  // Pictures in a document hardly compress, so a large allowed upload may inflate to twice its size.
  if (looksLikeZip(await readSample(path, 4))) {
    await inspectZipFile(path, {
      ...officeZipLimits,
      maxTotalUncompressedBytes: Math.max(officeZipLimits.maxTotalUncompressedBytes, 2 * uploadMaxBytes),
    });
  }
  const detected = await fileTypeFromFile(path);
  let allowed: AllowedType | undefined;
  if (!detected) {
    if (ext === '.txt' && looksLikeText(await readSample(path, 64 * 1024))) allowed = textType;
  } else if (detected.ext === 'cfb') {
    allowed = compoundTypes[ext];
  } else {
    allowed = allowedTypes[detected.ext];
  }
  if (!allowed) {
    const what = detected ? `（检测到的实际类型：${detected.ext}）` : '';
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `不支持的文件类型${what}。${allowedUploadHint}`);
  }
  if (!allowed.extensions.includes(ext)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `文件内容是${allowed.label}，与扩展名“${ext || '无'}”不符，请改正文件名后重新上传`,
    );
  }
  return allowed.mimeType;
}

/**
 * Streams an upload to a temporary file while hashing it, checks its type, then moves it to its
 * content address. `truncated` is the multipart parser's flag for a file cut at the size limit.
 */
export async function storeUpload(
  config: Pick<AppConfig, 'uploadDir' | 'uploadMaxBytes'>,
  stream: Readable & { truncated?: boolean },
  originalName: string,
): Promise<StoredFile> {
  const fileName = cleanFileName(originalName);
  const tmpDir = join(config.uploadDir, 'tmp');
  await mkdir(tmpDir, { recursive: true });
  const tmpPath = join(tmpDir, randomBytes(16).toString('hex'));
  const hash = createHash('sha256');
  let size = 0;
  // An error of the incoming stream (a cut or malformed request) is the client's; disk errors are ours.
  let sourceError: unknown = null;
  stream.once('error', (error) => (sourceError = error));
  try {
    await pipeline(
      stream,
      new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          hash.update(chunk);
          size += chunk.length;
          callback(null, chunk);
        },
      }),
      createWriteStream(tmpPath),
    );
    if (stream.truncated || size > config.uploadMaxBytes) {
      throw new AppError('PAYLOAD_TOO_LARGE', `文件不能超过 ${formatSize(config.uploadMaxBytes)}`);
    }
    if (size === 0) throw new AppError('BAD_REQUEST', '文件是空的，请重新选择');
    const mimeType = await detectType(tmpPath, fileName, config.uploadMaxBytes);
    const sha256 = hash.digest('hex');
    const storageKey = `objects/${sha256.slice(0, 2)}/${sha256}`;
    const target = join(config.uploadDir, storageKey);
    await mkdir(dirname(target), { recursive: true });
    await rename(tmpPath, target);
    return { sha256, storageKey, size, mimeType, fileName };
  } catch (error) {
    await rm(tmpPath, { force: true });
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('PAYLOAD_TOO_LARGE', `文件不能超过 ${formatSize(config.uploadMaxBytes)}`);
    }
    const fromClient = error === sourceError || (stream.errored !== null && error === stream.errored);
    if (fromClient && !(error instanceof AppError)) {
      throw new AppError('BAD_REQUEST', '上传中断或格式不正确，请重新上传');
    }
    throw error;
  }
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}

export function openStoredFile(config: Pick<AppConfig, 'uploadDir'>, storageKey: string) {
  return createReadStream(join(config.uploadDir, storageKey));
}

export async function storedFileExists(config: Pick<AppConfig, 'uploadDir'>, storageKey: string) {
  return stat(join(config.uploadDir, storageKey)).then(
    () => true,
    () => false,
  );
}

/** Removes the stored copy once no attachment row refers to it (copies are shared by content). */
export async function removeStoredFileIfUnused(
  db: DbOrTx,
  config: Pick<AppConfig, 'uploadDir'>,
  storageKey: string,
) {
  const [still] = await db
    .select({ id: attachments.id })
    .from(attachments)
    .where(eq(attachments.storageKey, storageKey))
    .limit(1);
  if (!still) await rm(join(config.uploadDir, storageKey), { force: true });
}

/**
 * Removes uploads never attached to a record (an abandoned form) once older than the cutoff, with
 * their stored copies. Meant for a periodic job at start-up; returns how many were removed.
 */
export async function purgeUnattachedUploads(
  db: DbOrTx,
  config: Pick<AppConfig, 'uploadDir'>,
  olderThanHours = 7 * 24,
): Promise<number> {
  const cutoff = new Date(Date.now() - olderThanHours * 3600_000);
  const removed = await db
    .delete(attachments)
    .where(and(isNull(attachments.ownerType), lt(attachments.createdAt, cutoff)))
    .returning({ storageKey: attachments.storageKey });
  for (const key of new Set(removed.map((r) => r.storageKey)))
    await removeStoredFileIfUnused(db, config, key);
  return removed.length;
}

/** `Content-Disposition` carrying the UTF-8 name (RFC 6266/5987) with an ASCII fallback for old clients. */
export function contentDisposition(fileName: string, kind: 'attachment' | 'inline' = 'attachment') {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

// ---- owners: which records files attach to, and who may read them ----

/** Answers whether the actor may read the owning record; the actor's committee is already checked. */
export type OwnerReadCheck = (actor: Actor, ownerId: number, db: DbOrTx) => Promise<boolean>;

const ownerRegistry = new Map<string, OwnerReadCheck>();

/**
 * Declares a kind of record that files attach to (`proposal`, `answer`, `activity` …) and how to
 * decide whether an actor may read one. A module calls this once beside its routes; a file
 * attached to an unregistered owner type is served to nobody.
 */
export function registerAttachmentOwner(ownerType: string, canRead: OwnerReadCheck) {
  ownerRegistry.set(ownerType, canRead);
}

export const isAttachmentOwnerRegistered = (ownerType: string) => ownerRegistry.has(ownerType);

type AttachmentRow = typeof attachments.$inferSelect;

/** Whether the actor may download this file: the uploader while unattached, else whoever may read the owner. */
export async function canReadAttachment(
  db: DbOrTx,
  actor: Actor,
  attachment: AttachmentRow,
): Promise<boolean> {
  if (attachment.committeeId !== actor.committeeId) return false;
  if (attachment.ownerType === null || attachment.ownerId === null) {
    return can(actor, 'readUnattached', 'attachment', attachment);
  }
  const check = ownerRegistry.get(attachment.ownerType);
  return check ? check(actor, attachment.ownerId, db) : false;
}

/**
 * Attaches the actor's own unattached uploads to a record, inside the caller's transaction.
 * Ids already attached to the same record are accepted again (a repeated save); anything else —
 * another user's upload, another committee's, or a file attached elsewhere — is refused.
 */
export async function attachToRecord(
  tx: DbOrTx,
  actor: Actor,
  ids: readonly number[],
  ownerType: string,
  ownerId: number,
  field = 'body.attachmentIds',
): Promise<number[]> {
  if (!ownerRegistry.has(ownerType)) throw new Error(`attachment owner type ${ownerType} is not registered`);
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const attached = await tx
    .update(attachments)
    .set({ ownerType, ownerId })
    .where(
      and(
        inArray(attachments.id, unique),
        eq(attachments.committeeId, actor.committeeId),
        eq(attachments.uploadedBy, actor.userId),
        isNull(attachments.ownerType),
      ),
    )
    .returning({ id: attachments.id });
  if (attached.length === unique.length) return unique;
  const already = await tx
    .select({ id: attachments.id })
    .from(attachments)
    .where(
      and(
        inArray(attachments.id, unique),
        eq(attachments.committeeId, actor.committeeId),
        eq(attachments.ownerType, ownerType),
        eq(attachments.ownerId, ownerId),
      ),
    );
  const ok = new Set([...attached, ...already].map((r) => r.id));
  const missing = unique.filter((id) => !ok.has(id));
  if (missing.length > 0) {
    throw invalidField(field, `附件不存在、已被使用或不是您上传的（编号 ${missing.join('、')}），请重新上传`);
  }
  return unique;
}

/** The files attached to one record, oldest first, for presenters. */
export async function listAttachments(
  db: DbOrTx,
  committeeId: number,
  ownerType: string,
  ownerId: number,
): Promise<AttachmentDto[]> {
  const rows = await db
    .select()
    .from(attachments)
    .where(columnsEqual(attachments, { committeeId, ownerType, ownerId }))
    .orderBy(attachments.id);
  return rows.map(presentAttachment);
}

export const presentAttachment = (row: AttachmentRow): AttachmentDto => ({
  id: row.id,
  fileName: row.fileName,
  mimeType: row.mimeType,
  size: row.size,
});
