import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import { and, eq, inArray } from 'drizzle-orm';
import {
  as,
  createTestApp,
  type Session,
  type TestContext,
  postFormAs,
  injectAs,
} from '../../../test/harness';
import { buildCommittee, signedInUser } from '../../../test/factories';
import { attachments, auditLog } from '../../db/schema';
import { can, collectionOf } from '../../lib/policy';
import {
  attachToRecord,
  contentDisposition,
  listAttachments,
  purgeUnattachedUploads,
  registerAttachmentOwner,
} from '../../lib/storage';
import { loadSession } from '../../lib/auth';

let t: TestContext;
let uploadDir: string;
let committeeId: number;
let uploader: Awaited<ReturnType<typeof signedInUser>>;
let colleague: Awaited<ReturnType<typeof signedInUser>>;
const maxBytes = 200_000;

// A record type for the tests: readable when listed, and by whoever oversees the committee's proposals
// (leaders among them). The rule asks a policy, as a module's owner check does.
const readableRecords = new Set<number>();
registerAttachmentOwner(
  'testRecord',
  async (actor, ownerId) =>
    readableRecords.has(ownerId) || can(actor, 'overview', 'proposals', collectionOf(actor)),
);

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const jpg = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  randomBytes(200),
]);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const exe = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(58),
  Buffer.from([0x80, 0, 0, 0]),
  randomBytes(400),
]);

function multipart(fileName: string, content: Buffer, field = 'file') {
  const boundary = `----cppcc${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(session: Session, fileName: string, content: Buffer, field = 'file') {
  const body = multipart(fileName, content, field);
  return postFormAs(t, session, '/api/attachments', body);
}

async function actorOf(session: Session) {
  const loaded = await loadSession(t.database.db, session.cookie.split('=')[1]!, 30, '127.0.0.1');
  if (!loaded || loaded === 'expired') throw new Error('no session');
  return loaded.actor;
}

beforeAll(async () => {
  uploadDir = mkdtempSync(join(tmpdir(), 'cppcc-uploads-'));
  t = await createTestApp({ uploadDir, uploadMaxBytes: maxBytes });
  committeeId = (await buildCommittee(t.database.db)).id;
  uploader = await signedInUser(t.app, committeeId, ['member']);
  colleague = await signedInUser(t.app, committeeId, ['member']);
});
afterAll(async () => {
  await t.close();
  rmSync(uploadDir, { recursive: true, force: true });
});

describe('upload', () => {
  it('accepts the allowed types, detected from content, stored by hash and never by name', async () => {
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('关于加强社区养老的提案')] }] }),
    );
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('名单').addRow(['姓名', '界别']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const cases: [string, Buffer, string][] = [
      ['调研报告.pdf', pdf, 'application/pdf'],
      ['提案正文.docx', docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['委员名单.xlsx', xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['现场照片.JPG', jpg, 'image/jpeg'],
      ['截图.png', png, 'image/png'],
      ['说明.txt', Buffer.from('这是一段说明文字。\n第二行。'), 'text/plain'],
    ];
    for (const [name, content, mimeType] of cases) {
      const res = await upload(uploader, name, content);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(201);
      expect(res.json()).toMatchObject({ fileName: name, mimeType, size: content.length });
    }
    const stored = readdirSync(join(uploadDir, 'objects'), { recursive: true }).map(String);
    expect(stored.some((p) => p.includes('.pdf') || p.includes('调研'))).toBe(false);
    const [row] = await t.database.db
      .select()
      .from(attachments)
      .where(eq(attachments.fileName, '调研报告.pdf'));
    expect(row!.storageKey).toBe(`objects/${row!.sha256.slice(0, 2)}/${row!.sha256}`);
    expect(row!.ownerType).toBeNull();
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'attachment.upload'), eq(auditLog.targetId, String(row!.id))));
    expect(audit!.actorId).toBe(uploader.userId);
  });

  it('refuses a renamed executable, a mislabelled file and unsupported content with Chinese messages', async () => {
    const before = (await t.database.db.select().from(attachments)).length;
    const renamed = await upload(uploader, '通知.pdf', exe);
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(renamed.json().message).toContain('不支持的文件类型（检测到的实际类型：exe）');
    const asTxt = await upload(uploader, 'readme.txt', exe);
    expect(asTxt.statusCode).toBe(415);
    const mislabelled = await upload(uploader, '照片.pdf', png);
    expect(mislabelled.statusCode).toBe(415);
    expect(mislabelled.json().message).toBe('文件内容是PNG 图片，与扩展名“.pdf”不符，请改正文件名后重新上传');
    const binaryTxt = await upload(uploader, 'data.txt', Buffer.from([1, 2, 0, 4, 5]));
    expect(binaryTxt.statusCode).toBe(415);
    const html = await upload(uploader, 'page.html', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(html.statusCode).toBe(415);
    expect((await t.database.db.select().from(attachments)).length).toBe(before);
    expect(readdirSync(join(uploadDir, 'tmp'))).toEqual([]);
  });

  it('refuses oversize files, empty files, a wrong field and non-multipart requests', async () => {
    const big = await upload(uploader, 'big.pdf', Buffer.concat([pdf, randomBytes(maxBytes)]));
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: '文件不能超过 195 KB' });
    const empty = await upload(uploader, 'empty.txt', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toBe('文件是空的，请重新选择');
    const field = await upload(uploader, 'a.pdf', pdf, 'document');
    expect(field.statusCode).toBe(400);
    expect(field.json().message).toBe('请选择要上传的文件（字段名 file）');
    const json = await injectAs(t, uploader, 'POST', '/api/attachments', { file: 'x' });
    expect(json.statusCode).toBe(415);
    expect(readdirSync(join(uploadDir, 'tmp'))).toEqual([]);
  });

  it('answers a malformed multipart body with 400, not a server error', async () => {
    const body = multipart('cut.pdf', pdf);
    const cut = await t.app.inject({
      method: 'POST',
      url: '/api/attachments',
      headers: { ...as(uploader), ...body.headers },
      payload: body.payload.subarray(0, body.payload.length - 20),
    });
    expect(cut.statusCode, cut.body).toBe(400);
    const noBoundary = await t.app.inject({
      method: 'POST',
      url: '/api/attachments',
      headers: { ...as(uploader), 'content-type': 'multipart/form-data' },
      payload: 'x',
    });
    expect(noBoundary.statusCode, noBoundary.body).toBeLessThan(500);
    expect(readdirSync(join(uploadDir, 'tmp'))).toEqual([]);
  });

  it('keeps only a safe display name', async () => {
    const res = await upload(uploader, '..\\..\\etc\\passwd.txt', Buffer.from('hello'));
    expect(res.json().fileName).toBe('passwd.txt');
  });
});

describe('download', () => {
  it('serves an unattached file to its uploader only, with the UTF-8 name', async () => {
    const { id } = (await upload(uploader, '会议纪要 第1期.pdf', pdf)).json();
    const res = await injectAs(t, uploader, 'GET', `/api/attachments/${id}/download`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(pdf)).toBe(true);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(contentDisposition('会议纪要 第1期.pdf'));
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''%E4%BC%9A%E8%AE%AE");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const other = await injectAs(t, colleague, 'GET', `/api/attachments/${id}/download`);
    expect(other.statusCode).toBe(404);
    expect(other.json().message).toBe('附件不存在或无权查看');
  });

  it('after attaching, follows the owner registry: readers of the record may download, others not', async () => {
    const { id } = (await upload(uploader, '附件.png', png)).json();
    const actor = await actorOf(uploader);
    await t.database.db.transaction((tx) => attachToRecord(tx, actor, [id], 'testRecord', 41));
    expect(await listAttachments(t.database.db, committeeId, 'testRecord', 41)).toEqual([
      { id, fileName: '附件.png', mimeType: 'image/png', size: png.length },
    ]);
    const denied = await injectAs(t, colleague, 'GET', `/api/attachments/${id}/download`);
    expect(denied.statusCode).toBe(404);
    readableRecords.add(41);
    const allowed = await injectAs(t, colleague, 'GET', `/api/attachments/${id}/download`);
    expect(allowed.statusCode).toBe(200);
    const leader = await signedInUser(t.app, committeeId, ['leader']);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/attachments/${id}/download`, headers: as(leader) }))
        .statusCode,
    ).toBe(200);
    const foreignLeader = await signedInUser(t.app, (await buildCommittee(t.database.db)).id, ['leader']);
    expect((await injectAs(t, foreignLeader, 'GET', `/api/attachments/${id}/download`)).statusCode).toBe(404);
  });

  it('serves a file attached to an unregistered owner type to nobody', async () => {
    const { id } = (await upload(uploader, 'x.pdf', pdf)).json();
    await t.database.db
      .update(attachments)
      .set({ ownerType: 'unknownThing', ownerId: 1 })
      .where(eq(attachments.id, id));
    const res = await injectAs(t, uploader, 'GET', `/api/attachments/${id}/download`);
    expect(res.statusCode).toBe(404);
  });
});

describe('attachToRecord', () => {
  it('attaches only the actor’s own unattached uploads; repeating the same attach is accepted', async () => {
    const mine = (await upload(uploader, 'mine.pdf', pdf)).json().id;
    const theirs = (await upload(colleague, 'theirs.pdf', pdf)).json().id;
    const actor = await actorOf(uploader);
    await expect(
      t.database.db.transaction((tx) => attachToRecord(tx, actor, [mine, theirs], 'testRecord', 7)),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining(`编号 ${theirs}`),
    });
    // The transaction rolled back: the own file is still unattached.
    const [row] = await t.database.db.select().from(attachments).where(eq(attachments.id, mine));
    expect(row!.ownerType).toBeNull();
    await t.database.db.transaction((tx) => attachToRecord(tx, actor, [mine, mine], 'testRecord', 7));
    await t.database.db.transaction((tx) => attachToRecord(tx, actor, [mine], 'testRecord', 7));
    await expect(
      t.database.db.transaction((tx) => attachToRecord(tx, actor, [mine], 'testRecord', 8)),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(attachToRecord(t.database.db, actor, [mine], 'notRegistered', 1)).rejects.toThrow(
      /not registered/,
    );
  });
});

describe('delete', () => {
  it('lets the uploader delete an unattached file and removes the stored copy', async () => {
    const content = Buffer.from(`唯一内容 ${randomBytes(8).toString('hex')}`);
    const { id } = (await upload(uploader, '草稿.txt', content)).json();
    const [row] = await t.database.db.select().from(attachments).where(eq(attachments.id, id));
    expect(existsSync(join(uploadDir, row!.storageKey))).toBe(true);
    const byOther = await injectAs(t, colleague, 'DELETE', `/api/attachments/${id}`);
    expect(byOther.statusCode).toBe(404);
    const res = await injectAs(t, uploader, 'DELETE', `/api/attachments/${id}`);
    expect(res.statusCode).toBe(204);
    expect(await t.database.db.select().from(attachments).where(eq(attachments.id, id))).toEqual([]);
    expect(existsSync(join(uploadDir, row!.storageKey))).toBe(false);
  });

  it('keeps the stored copy while another upload shares its content', async () => {
    const content = Buffer.from(`共享内容 ${randomBytes(8).toString('hex')}`);
    const a = (await upload(uploader, 'a.txt', content)).json().id;
    await upload(colleague, 'b.txt', content);
    const [row] = await t.database.db.select().from(attachments).where(eq(attachments.id, a));
    await t.app.inject({ method: 'DELETE', url: `/api/attachments/${a}`, headers: as(uploader) });
    expect(existsSync(join(uploadDir, row!.storageKey))).toBe(true);
  });

  it('refuses deleting an attached file, even by its uploader', async () => {
    const { id } = (await upload(uploader, 'kept.pdf', pdf)).json();
    readableRecords.add(99);
    const actor = await actorOf(uploader);
    await t.database.db.transaction((tx) => attachToRecord(tx, actor, [id], 'testRecord', 99));
    const res = await injectAs(t, uploader, 'DELETE', `/api/attachments/${id}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe('附件已关联到记录，不能删除');
    expect(await t.database.db.select().from(attachments).where(eq(attachments.id, id))).toHaveLength(1);
    const bad = await t.app.inject({ method: 'DELETE', url: '/api/attachments/0', headers: as(uploader) });
    expect(bad.statusCode).toBe(400);
  });
});

describe('purgeUnattachedUploads', () => {
  it('removes old unattached uploads and their files, keeping recent and attached ones', async () => {
    const oldContent = Buffer.from(`旧草稿 ${randomBytes(8).toString('hex')}`);
    const old = (await upload(uploader, 'old.txt', oldContent)).json().id;
    const recent = (
      await upload(uploader, 'recent.txt', Buffer.from(`新 ${randomBytes(8).toString('hex')}`))
    ).json().id;
    const attached = (
      await upload(uploader, 'attached.txt', Buffer.from(`挂 ${randomBytes(8).toString('hex')}`))
    ).json().id;
    const actor = await actorOf(uploader);
    await t.database.db.transaction((tx) => attachToRecord(tx, actor, [attached], 'testRecord', 500));
    const longAgo = new Date(Date.now() - 8 * 24 * 3600_000);
    await t.database.db
      .update(attachments)
      .set({ createdAt: longAgo })
      .where(inArray(attachments.id, [old, attached]));
    const [oldRow] = await t.database.db.select().from(attachments).where(eq(attachments.id, old));
    // Other leftovers of earlier tests are recent, so exactly one row goes.
    expect(await purgeUnattachedUploads(t.database.db, { uploadDir })).toBe(1);
    expect(existsSync(join(uploadDir, oldRow!.storageKey))).toBe(false);
    const left = (
      await t.database.db
        .select()
        .from(attachments)
        .where(inArray(attachments.id, [old, recent, attached]))
    ).map((r) => r.id);
    expect(left.sort()).toEqual([recent, attached].sort());
  });
});

describe('across committees', () => {
  it('neither serves nor deletes another committee’s upload, even to its leader', async () => {
    const other = (await buildCommittee(t.database.db)).id;
    const stranger = await signedInUser(t.app, other, ['member']);
    const { id } = (await upload(stranger, '外委.pdf', pdf)).json();
    for (const roles of [['leader'], ['member'], ['proposalStaff']] as const) {
      const s = await signedInUser(t.app, committeeId, [...roles]);
      expect(
        (await t.app.inject({ method: 'GET', url: `/api/attachments/${id}/download`, headers: as(s) }))
          .statusCode,
      ).toBe(404);
      expect(
        (await t.app.inject({ method: 'DELETE', url: `/api/attachments/${id}`, headers: as(s) })).statusCode,
      ).toBe(404);
    }
    expect(await t.database.db.select().from(attachments).where(eq(attachments.id, id))).toHaveLength(1);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/attachments/abc/download', headers: as(uploader) }))
        .statusCode,
    ).toBe(400);
    const anonymous = multipart('a.pdf', pdf);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/attachments',
      headers: anonymous.headers,
      payload: anonymous.payload,
    });
    expect(res.statusCode).toBe(401);
  });
});
