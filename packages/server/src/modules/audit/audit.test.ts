import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { as, injectAs } from '../../../test/harness';
import { useCommitteeApp } from '../../../test/committee-app';
import { buildCommittee, signedInUser } from '../../../test/factories';
import { auditLog } from '../../db/schema';

const t = useCommitteeApp({ users: { auditor: ['auditAdmin'] } });
const { auditor } = t.users;
let otherCommitteeId: number;

const entry = (overrides: Partial<typeof auditLog.$inferInsert>) => ({
  committeeId: t.committeeId,
  action: 'account.update',
  summary: '摘要',
  ...overrides,
});

beforeAll(async () => {
  otherCommitteeId = (await buildCommittee(t.database.db)).id;
  await t.database.db.insert(auditLog).values([
    entry({
      actorName: '张安全',
      actorRole: 'securityAdmin',
      action: 'account.create',
      targetType: 'user',
      targetId: '7',
      ip: '10.1.2.3',
      summary: '创建账号甲',
      createdAt: new Date('2025-03-01T10:00:00+08:00'),
    }),
    entry({
      actorName: '张安全',
      actorRole: 'securityAdmin',
      action: 'account.resetPassword',
      targetType: 'user',
      targetId: '7',
      ip: '10.1.2.3',
      summary: '重置甲',
      createdAt: new Date('2025-03-02T23:30:00+08:00'),
    }),
    entry({
      actorName: '李系统',
      actorRole: 'sysAdmin',
      action: 'settings.update',
      targetType: 'committee',
      ip: '192.168.0.9',
      summary: '修改设置',
      changes: { rehandleLimit: [1, 2] },
      createdAt: new Date('2025-03-03T00:10:00+08:00'),
    }),
    entry({
      committeeId: otherCommitteeId,
      actorName: '张外委',
      action: 'account.create',
      summary: '外委创建',
      createdAt: new Date('2025-03-02T12:00:00+08:00'),
    }),
  ]);
});

const get = async (qs: string, session = auditor) =>
  t.app.inject({ method: 'GET', url: `/api/audit-log?${qs}`, headers: as(session) });

describe('GET /api/audit-log', () => {
  it('lists the committee’s entries newest first, and nothing of another committee', async () => {
    const res = await get('from=2025-03-01&to=2025-03-31');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.items.map((e: { summary: string }) => e.summary)).toEqual([
      '修改设置',
      '重置甲',
      '创建账号甲',
    ]);
    expect(body.items[0]).toMatchObject({
      actorName: '李系统',
      actorRole: 'sysAdmin',
      ip: '192.168.0.9',
      changes: { rehandleLimit: [1, 2] },
    });
    expect(res.body).not.toContain('外委创建');
  });

  it('filters by actor, action prefix, target type, IP and China-time date range, and pages', async () => {
    const summaries = async (qs: string) =>
      (await get(qs)).json().items.map((e: { summary: string }) => e.summary);
    expect(await summaries(`actor=${encodeURIComponent('安全')}`)).toEqual(['重置甲', '创建账号甲']);
    expect(await summaries('action=account.')).toEqual(['重置甲', '创建账号甲']);
    expect(await summaries('action=settings.update')).toEqual(['修改设置']);
    expect(await summaries('targetType=committee')).toEqual(['修改设置']);
    expect(await summaries('ip=192.168.')).toEqual(['修改设置']);
    // 23:30 and 00:10 China time fall on the 2nd and 3rd, although both are the 2nd in UTC.
    expect(await summaries('from=2025-03-02&to=2025-03-02')).toEqual(['重置甲']);
    expect(await summaries('from=2025-03-03&to=2025-03-03')).toEqual(['修改设置']);
    expect(await summaries(`actor=${encodeURIComponent('%')}`)).toEqual([]);
    // The actor filter also matches the account's username.
    const [withAccount] = await t.database.db
      .insert(auditLog)
      .values(
        entry({
          actorId: auditor.userId,
          actorName: '审计员',
          summary: '按用户名',
          createdAt: new Date('2025-04-04T09:00:00+08:00'),
        }),
      )
      .returning();
    await t.database.db.insert(auditLog).values(
      entry({
        committeeId: otherCommitteeId,
        actorId: auditor.userId,
        summary: '外委按用户名',
        createdAt: new Date('2025-04-04T10:00:00+08:00'),
      }),
    );
    expect(await summaries(`actor=${auditor.user.username}&from=2025-04-01&to=2025-04-30`)).toEqual([
      withAccount!.summary,
    ]);
    const page = (await get('from=2025-03-01&to=2025-03-31&pageSize=2&page=2')).json();
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items.map((e: { summary: string }) => e.summary)).toEqual(['创建账号甲']);
  });

  it('refuses bad filters with Chinese messages', async () => {
    const reversed = await get('from=2025-03-05&to=2025-03-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().message).toBe('结束日期不能早于开始日期');
    const badDate = await get('from=2025-3-1');
    expect(badDate.json().message).toBe('日期格式应为 YYYY-MM-DD');
    const unknown = await get('delete=1');
    expect(unknown.statusCode).toBe(400);
    expect((await get('pageSize=1000')).statusCode).toBe(400);
  });

  it('refuses everyone but the audit administrator, including the system and security administrators', async () => {
    for (const roles of [
      ['sysAdmin'],
      ['securityAdmin'],
      ['leader'],
      ['proposalStaff'],
      ['member'],
    ] as const) {
      const s = await signedInUser(t.app, t.committeeId, [...roles]);
      const res = await get('', s);
      expect(res.statusCode, roles[0]).toBe(403);
      expect(res.json().message).toBe('只有安全审计员可以查看审计日志');
      const exp = await t.app.inject({ method: 'GET', url: '/api/audit-log/export', headers: as(s) });
      expect(exp.statusCode).toBe(403);
    }
  });

  it('offers no route that changes the log', () => {
    const writes = t.app.apiRoutes.filter((r) => r.includes('/audit-log') && !r.startsWith('GET '));
    expect(writes).toEqual([]);
  });
});

describe('GET /api/audit-log/export', () => {
  it('exports the filtered entries as a workbook with Chinese headers, and audits the export', async () => {
    const res = await injectAs(t, auditor, 'GET', '/api/audit-log/export?from=2025-03-01&to=2025-03-31');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(
      "filename*=UTF-8''%E5%AE%A1%E8%AE%A1%E6%97%A5%E5%BF%97",
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('审计日志')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('时间');
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).values).toEqual(
      expect.arrayContaining([
        '2025-03-03 00:10:00',
        '李系统',
        '系统管理员',
        '修改系统设置',
        'settings.update',
        '修改设置',
      ]),
    );
    const texts = JSON.stringify([2, 3, 4].map((n) => sheet.getRow(n).values));
    expect(texts).not.toContain('外委创建');
    const [exported] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'audit.export'), eq(auditLog.actorId, auditor.userId)));
    expect(exported!.summary).toBe('导出审计日志 3 条');
  });

  it('refuses bad filters', async () => {
    const res = await injectAs(t, auditor, 'GET', '/api/audit-log/export?to=2025-01-01&from=2025-02-01');
    expect(res.statusCode).toBe(400);
  });
});
