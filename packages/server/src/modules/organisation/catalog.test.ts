import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type Session, type TestContext } from '../../../test/harness';
import {
  buildCommittee,
  buildContactPoint,
  buildMember,
  buildMemberGroup,
  buildSector,
  buildUnit,
  buildUser,
  signedInUser,
} from '../../../test/factories';
import { auditLog, sectors, units } from '../../db/schema';

let t: TestContext;
let committeeId: number;
let liaison: Session;
let proposal: Session;
let sysAdmin: Session;
let member: Session;
let unitUser: Session & { user: { unitId: number | null } };
let unitId: number;

beforeAll(async () => {
  t = await createTestApp();
  committeeId = (await buildCommittee(t.database.db)).id;
  unitId = (await buildUnit(t.database.db, committeeId, { name: '区教育局' })).id;
  liaison = await signedInUser(t.app, committeeId, ['liaisonStaff']);
  proposal = await signedInUser(t.app, committeeId, ['proposalStaff']);
  sysAdmin = await signedInUser(t.app, committeeId, ['sysAdmin']);
  member = await signedInUser(t.app, committeeId, ['member']);
  unitUser = await signedInUser(t.app, committeeId, ['unitHandler'], { unitId });
});
afterAll(() => t.close());

const inject = (session: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: as(session), payload: payload as string | undefined });

async function readXlsx(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) =>
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === null ? '' : String(v)))),
  );
  return rows;
}

describe('sectors', () => {
  it('liaison staff create, read, update and list sectors; each write is audited with its changes', async () => {
    const created = await inject(liaison, 'POST', '/api/sectors', { name: '经济界', sortOrder: 3 });
    expect(created.statusCode, created.body).toBe(201);
    const sector = created.json();
    expect(sector).toMatchObject({ name: '经济界', sortOrder: 3, active: true, memberCount: 0 });
    expect(sector.policies).toMatchObject({ canUpdate: true, canRead: true });

    const updated = await inject(liaison, 'PATCH', `/api/sectors/${sector.id}`, {
      name: '经济界别',
      active: false,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ name: '经济界别', active: false });

    const read = await inject(liaison, 'GET', `/api/sectors/${sector.id}`);
    expect(read.json().name).toBe('经济界别');

    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'sector'), eq(auditLog.targetId, String(sector.id))))
      .orderBy(auditLog.id);
    expect(audits.map((a) => a.action)).toEqual(['sector.create', 'sector.update']);
    expect(audits[1]!.changes).toEqual({ name: ['经济界', '经济界别'], active: [true, false] });
  });

  it('refuses a duplicate name with the field and a Chinese message, and writes nothing', async () => {
    await buildSector(t.database.db, committeeId, '教育界');
    const before = await t.database.db.select().from(sectors).where(eq(sectors.committeeId, committeeId));
    const res = await inject(liaison, 'POST', '/api/sectors', { name: ' 教育界 ' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'DUPLICATE',
      message: '界别名称“教育界”已存在',
      details: { fields: [{ path: 'body.name' }] },
    });
    expect(
      await t.database.db.select().from(sectors).where(eq(sectors.committeeId, committeeId)),
    ).toHaveLength(before.length);
  });

  it('refuses bad input and unknown fields in Chinese', async () => {
    const empty = await inject(liaison, 'POST', '/api/sectors', { name: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: '请填写名称' });
    const extra = await inject(liaison, 'POST', '/api/sectors', { name: '新界别', colour: 'red' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().message).toContain('不允许的字段');
  });

  it('members read the list but may not create; unit users may not read sectors', async () => {
    const list = await inject(member, 'GET', '/api/sectors');
    expect(list.statusCode).toBe(200);
    expect(list.json().items[0].policies.canUpdate).toBe(false);
    expect(list.json().policies).toMatchObject({ canList: true, canCreate: false, canExport: false });
    const staffList = await inject(liaison, 'GET', '/api/sectors');
    expect(staffList.json().policies).toMatchObject({ canCreate: true, canExport: true });
    const create = await inject(member, 'POST', '/api/sectors', { name: '委员建的界别' });
    expect(create.statusCode).toBe(403);
    const byProposalStaff = await inject(proposal, 'POST', '/api/sectors', { name: '提案委建的界别' });
    expect(byProposalStaff.statusCode).toBe(403);
    const byUnit = await inject(unitUser, 'GET', '/api/sectors');
    expect([403, 404]).toContain(byUnit.statusCode);
  });

  it('pages, sorts, searches and counts members', async () => {
    const c = (await buildCommittee(t.database.db)).id;
    const staff = await signedInUser(t.app, c, ['liaisonStaff']);
    const names = ['农业界', '科技界', '体育界', '宗教界', '妇联'];
    for (const [i, name] of names.entries()) {
      await t.database.db.insert(sectors).values({ committeeId: c, name, sortOrder: 10 - i });
    }
    const [agri] = await t.database.db
      .select()
      .from(sectors)
      .where(and(eq(sectors.committeeId, c), eq(sectors.name, '农业界')));
    await buildMember(t.database.db, c, { sectorId: agri!.id });
    await buildMember(t.database.db, c, { sectorId: agri!.id });

    const page2 = await inject(staff, 'GET', '/api/sectors?page=2&pageSize=2&sort=sortOrder&order=asc');
    expect(page2.json()).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page2.json().items.map((s: { name: string }) => s.name)).toEqual(['体育界', '科技界']);

    const byCount = await inject(staff, 'GET', '/api/sectors?sort=memberCount&order=desc&pageSize=1');
    expect(byCount.json().items[0]).toMatchObject({ name: '农业界', memberCount: 2 });

    const search = await inject(staff, 'GET', `/api/sectors?q=${encodeURIComponent('科技')}`);
    expect(search.json().items.map((s: { name: string }) => s.name)).toEqual(['科技界']);

    const badSort = await inject(staff, 'GET', '/api/sectors?sort=password');
    expect(badSort.statusCode).toBe(400);
    expect(badSort.json().message).toContain('不支持按');
  });

  it('exports the committee’s sectors as xlsx with Chinese headers and a Chinese file name', async () => {
    const res = await inject(liaison, 'GET', '/api/sectors/export?sort=name');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('界别列表')}`,
    );
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]).toEqual(['界别', '排序号', '委员人数', '是否启用']);
    const own = await t.database.db.select().from(sectors).where(eq(sectors.committeeId, committeeId));
    expect(rows.length - 1).toBe(own.length);
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(own.map((s) => s.name).sort());
  });

  it('refuses the export to members (it is a staff report)', async () => {
    const res = await inject(member, 'GET', '/api/sectors/export');
    expect(res.statusCode).toBe(403);
  });
});

describe('units', () => {
  it('proposal staff manage units; liaison staff may read but not change them', async () => {
    const created = await inject(proposal, 'POST', '/api/units', { name: '区水务局', shortName: '水务局' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const patch = await inject(liaison, 'PATCH', `/api/units/${id}`, { active: false });
    expect(patch.statusCode).toBe(403);
    const [row] = await t.database.db.select().from(units).where(eq(units.id, id));
    expect(row!.active).toBe(true);
    const ok = await inject(proposal, 'PATCH', `/api/units/${id}`, { active: false, contactPerson: '王五' });
    expect(ok.json()).toMatchObject({ active: false, contactPerson: '王五' });
  });

  it('shows a unit’s handler and head accounts read-only, and unit users read units but not members', async () => {
    const head = await buildUser(t.database.db, committeeId, ['unitHead'], { unitId, displayName: '局长' });
    await buildUser(t.database.db, committeeId, ['member'], { unitId, displayName: '不是单位账号' });
    const res = await inject(proposal, 'GET', `/api/units/${unitId}`);
    expect(res.statusCode).toBe(200);
    const accounts = res.json().accounts as { id: number; displayName: string; roles: string[] }[];
    expect(accounts.map((a) => a.displayName)).toContain('局长');
    expect(accounts.map((a) => a.displayName)).not.toContain('不是单位账号');
    expect(accounts.find((a) => a.id === head.id)!.roles).toEqual(['unitHead']);
    expect(JSON.stringify(res.json())).not.toContain('passwordHash');

    const own = await inject(unitUser, 'GET', `/api/units/${unitId}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().accounts.length).toBeGreaterThan(0);
    expect((await inject(unitUser, 'GET', '/api/members')).statusCode).toBe(404);
    expect((await inject(unitUser, 'POST', '/api/units', { name: '单位自建' })).statusCode).toBe(403);
  });

  it('refuses a duplicate unit name', async () => {
    const res = await inject(proposal, 'POST', '/api/units', { name: '区教育局' });
    expect(res.statusCode).toBe(409);
    expect(res.json().details.fields[0].path).toBe('body.name');
  });
});

describe('staff, groups, contact points and organisation proposers', () => {
  it('only the system administrator manages staff; duplicate phones are refused', async () => {
    expect((await inject(liaison, 'POST', '/api/staff', { name: '李四' })).statusCode).toBe(403);
    const created = await inject(sysAdmin, 'POST', '/api/staff', {
      name: '李四',
      phone: '13911112222',
      department: '办公室',
    });
    expect(created.statusCode, created.body).toBe(201);
    const dup = await inject(sysAdmin, 'POST', '/api/staff', { name: '李四', phone: '13911112222' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().details.fields[0].path).toBe('body.phone');
    const badPhone = await inject(sysAdmin, 'POST', '/api/staff', { name: '赵六', phone: '123' });
    expect(badPhone.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: '手机号应为 11 位数字' });
    expect((await inject(member, 'GET', '/api/staff')).statusCode).toBe(404);
    const list = await inject(liaison, 'GET', '/api/staff');
    expect(list.json().items.map((s: { name: string }) => s.name)).toContain('李四');
  });

  it('liaison staff manage groups and contact points', async () => {
    const group = await inject(liaison, 'POST', '/api/member-groups', {
      name: '第一小组',
      description: '城区委员',
    });
    expect(group.statusCode, group.body).toBe(201);
    const point = await inject(liaison, 'POST', '/api/contact-points', {
      name: '金川镇委员工作室',
      kind: 'studio',
      town: '金川镇',
      village: '东村',
    });
    expect(point.statusCode, point.body).toBe(201);
    expect(point.json()).toMatchObject({ kind: 'studio', town: '金川镇', village: '东村', memberCount: 0 });
    const badKind = await inject(liaison, 'POST', '/api/contact-points', {
      name: '某点',
      kind: 'castle',
      town: '镇',
    });
    expect(badKind.json().message).toBe('请选择联系点类型');
    const patched = await inject(liaison, 'PATCH', `/api/contact-points/${point.json().id}`, {
      village: null,
    });
    expect(patched.json().village).toBeNull();
    expect((await inject(proposal, 'POST', '/api/member-groups', { name: '提案委小组' })).statusCode).toBe(
      403,
    );

    const exported = await inject(liaison, 'GET', '/api/contact-points/export');
    const rows = await readXlsx(exported.rawPayload);
    expect(rows[0]).toEqual(['名称', '类型', '镇（街道）', '村（社区）', '地址', '委员人数']);
    expect(rows.find((r) => r[0] === '金川镇委员工作室')).toEqual([
      '金川镇委员工作室',
      '委员工作室',
      '金川镇',
      '',
      '',
      '0',
    ]);
  });

  it('organisation proposers take a convener of the same committee only', async () => {
    const convener = await buildMember(t.database.db, committeeId, { name: '召集人甲' });
    const ok = await inject(proposal, 'POST', '/api/organisation-proposers', {
      name: '民盟区委会',
      kind: 'party',
      convenerMemberId: convener.id,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ convenerName: '召集人甲', kind: 'party' });
    const other = await buildCommittee(t.database.db);
    const foreign = await buildMember(t.database.db, other.id);
    const bad = await inject(proposal, 'PATCH', `/api/organisation-proposers/${ok.json().id}`, {
      convenerMemberId: foreign.id,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('召集人不是本会委员');
  });
});

describe('organisation options', () => {
  it('gives active entries by default and all with all=true, only lists the viewer may read', async () => {
    const c = (await buildCommittee(t.database.db)).id;
    await t.database.db.insert(sectors).values([
      { committeeId: c, name: '在用界别', active: true },
      { committeeId: c, name: '停用界别', active: false },
    ]);
    await buildMemberGroup(t.database.db, c, '小组一');
    await buildContactPoint(t.database.db, c, { name: '点一', town: '良田镇' });
    await buildUnit(t.database.db, c, { name: '区统计局' });
    const staff = await signedInUser(t.app, c, ['liaisonStaff']);
    const active = await inject(staff, 'GET', '/api/organisation/options');
    expect(active.statusCode).toBe(200);
    expect(active.json().sectors.map((s: { name: string }) => s.name)).toEqual(['在用界别']);
    expect(active.json().contactPoints).toEqual([expect.objectContaining({ name: '点一', town: '良田镇' })]);
    const all = await inject(staff, 'GET', '/api/organisation/options?all=true');
    expect(
      all
        .json()
        .sectors.map((s: { name: string }) => s.name)
        .sort(),
    ).toEqual(['停用界别', '在用界别'].sort());

    const unitOnly = await signedInUser(t.app, c, ['unitHead']);
    const forUnit = await inject(unitOnly, 'GET', '/api/organisation/options');
    expect(forUnit.json().sectors).toEqual([]);
    expect(forUnit.json().units.map((u: { name: string }) => u.name)).toEqual(['区统计局']);
  });

  it('refuses a malformed flag', async () => {
    const res = await inject(liaison, 'GET', '/api/organisation/options?all=yes');
    expect(res.statusCode).toBe(400);
  });
});
