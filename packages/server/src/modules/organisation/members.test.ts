import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { memberImportHeaders } from '@cppcc/shared';
import { injectAs, type Session } from '../../../test/harness';
import { useCommitteeApp } from '../../../test/committee-app';
import {
  buildCommittee,
  buildMember,
  buildSector,
  buildOrganisation,
  signedInUser,
} from '../../../test/factories';
import { auditLog, memberSpecialCommittees, members } from '../../db/schema';

const t = useCommitteeApp({
  users: { liaison: ['liaisonStaff'], leader: ['leader'], proposal: ['proposalStaff'] },
});
const { liaison, leader, proposal } = t.users;
let org: {
  termId: number;
  economy: number;
  education: number;
  sc: number[];
  groupId: number;
  pointId: number;
};

beforeAll(async () => {
  const built = await buildOrganisation(t.database.db, t.committeeId, {
    terms: [{ name: '第五届', number: 5 }],
    sectors: ['经济界', '教育界'],
    specialCommittees: ['提案委员会', '经济委员会', '教科卫体委员会'],
    groups: ['第一小组'],
    contactPoints: [{ name: '金川镇工作室', town: '金川镇' }],
  });
  org = {
    termId: built.terms[0]!.id,
    economy: built.sectors[0]!.id,
    education: built.sectors[1]!.id,
    sc: built.specialCommittees.map((sc) => sc.id),
    groupId: built.groups[0]!.id,
    pointId: built.contactPoints[0]!.id,
  };
});

const inject = (session: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  injectAs(t, session, method, url, payload);

const memberBody = (overrides: Record<string, unknown> = {}) => ({
  name: '王建国',
  gender: 'male',
  ethnicity: '汉族',
  birthMonth: '1972-03',
  party: '民盟',
  sectorId: org.economy,
  specialCommitteeIds: [org.sc[0], org.sc[1]],
  groupId: org.groupId,
  contactPointId: org.pointId,
  employer: '金川农业合作社 理事长',
  phone: '13800001111',
  isStandingMember: true,
  isLeader: false,
  termId: org.termId,
  status: 'active',
  ...overrides,
});

describe('create and update', () => {
  let id: number;
  it('liaison staff create a member with every field and read the full record', async () => {
    const res = await inject(liaison, 'POST', '/api/members', memberBody());
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    const read = await inject(leader, 'GET', `/api/members/${id}`);
    expect(read.json()).toMatchObject({
      name: '王建国',
      gender: 'male',
      sectorName: '经济界',
      groupName: '第一小组',
      contactPointName: '金川镇工作室',
      termName: '第五届',
      phone: '13800001111',
      isStandingMember: true,
      specialCommittees: [
        { id: org.sc[0], name: '提案委员会' },
        { id: org.sc[1], name: '经济委员会' },
      ],
      policies: { canReadPrivate: true, canUpdate: false },
    });
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'member.create'), eq(auditLog.targetId, String(id))));
    expect((audit!.changes as Record<string, unknown>).phone).toEqual([null, '13800001111']);
  });

  it('updates fields and special committees and audits exactly what changed', async () => {
    const res = await inject(liaison, 'PATCH', `/api/members/${id}`, {
      specialCommitteeIds: [org.sc[2]],
      sectorId: org.education,
      status: 'suspended',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      sectorName: '教育界',
      status: 'suspended',
      specialCommittees: [{ name: '教科卫体委员会' }],
    });
    const links = await t.database.db
      .select()
      .from(memberSpecialCommittees)
      .where(eq(memberSpecialCommittees.memberId, id));
    expect(links.map((l) => l.specialCommitteeId)).toEqual([org.sc[2]]);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'member.update'), eq(auditLog.targetId, String(id))));
    expect(audit!.changes).toEqual({
      specialCommitteeIds: [[org.sc[0], org.sc[1]], [org.sc[2]]],
      sectorId: [org.economy, org.education],
      status: ['active', 'suspended'],
    });
  });

  it('refuses three special committees, a bad phone, a duplicate phone and another committee’s sector', async () => {
    const before = await t.database.db.select().from(members).where(eq(members.committeeId, t.committeeId));
    const three = await inject(
      liaison,
      'POST',
      '/api/members',
      memberBody({ phone: '13800002222', specialCommitteeIds: org.sc }),
    );
    expect(three.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: '专委会最多 2 个' });
    const badPhone = await inject(liaison, 'POST', '/api/members', memberBody({ phone: '1380000' }));
    expect(badPhone.json().message).toBe('手机号应为 11 位数字');
    const dup = await inject(liaison, 'POST', '/api/members', memberBody({ name: '重名' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'DUPLICATE', details: { fields: [{ path: 'body.phone' }] } });
    expect(dup.json().message).toContain('王建国');
    const other = await buildCommittee(t.database.db);
    const foreignSector = await buildSector(t.database.db, other.id, '外会界别');
    const foreign = await inject(
      liaison,
      'POST',
      '/api/members',
      memberBody({ phone: '13800003333', sectorId: foreignSector.id }),
    );
    expect(foreign.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: '所选界别不存在' });
    const badMonth = await inject(liaison, 'PATCH', `/api/members/${id}`, { birthMonth: '1972-13' });
    expect(badMonth.json().message).toBe('出生年月格式应为 YYYY-MM');
    expect(await t.database.db.select().from(members).where(eq(members.committeeId, t.committeeId))).toEqual(
      before,
    );
  });

  it('refuses writes by proposal staff, leaders and members', async () => {
    expect(
      (await inject(proposal, 'POST', '/api/members', memberBody({ phone: '13800004444' }))).statusCode,
    ).toBe(403);
    expect((await inject(leader, 'PATCH', `/api/members/${id}`, { name: '改' })).statusCode).toBe(403);
    const m = await signedInUser(t.app, t.committeeId, ['member']);
    expect((await inject(m, 'PATCH', `/api/members/${id}`, { name: '改' })).statusCode).toBe(403);
  });
});

describe('what a member sees', () => {
  it('members see name, sector and group of others, never phones; their own record in full', async () => {
    const db = t.database.db;
    const self = await buildMember(db, t.committeeId, {
      name: '自己',
      sectorId: org.economy,
      termId: org.termId,
    });
    const other = await buildMember(db, t.committeeId, {
      name: '别人',
      sectorId: org.education,
      groupId: org.groupId,
      termId: org.termId,
      phone: '13700009999',
    });
    const m = await signedInUser(t.app, t.committeeId, ['member'], { memberId: self.id });
    const list = await inject(m, 'GET', '/api/members?pageSize=200');
    expect(list.statusCode).toBe(200);
    const seen = list.json().items.find((i: { id: number }) => i.id === other.id);
    expect(Object.keys(seen).sort()).toEqual([
      'groupId',
      'groupName',
      'id',
      'name',
      'policies',
      'sectorId',
      'sectorName',
    ]);
    expect(list.body).not.toContain('13700009999');
    expect(list.json().policies).toMatchObject({ canCreate: false, canImport: false, canExport: false });
    const staffList = await inject(liaison, 'GET', '/api/members?pageSize=1');
    expect(staffList.json().policies).toMatchObject({ canCreate: true, canImport: true, canExport: true });
    const own = await inject(m, 'GET', `/api/members/${self.id}`);
    expect(own.json()).toMatchObject({ name: '自己', phone: self.phone, policies: { canReadPrivate: true } });
    const detail = await inject(m, 'GET', `/api/members/${other.id}`);
    expect(detail.json().phone).toBeUndefined();
    // A member cannot find someone by phone number.
    const byPhone = await inject(m, 'GET', '/api/members?q=13700009999');
    expect(byPhone.json().total).toBe(0);
    const staffByPhone = await inject(liaison, 'GET', '/api/members?q=13700009999');
    expect(staffByPhone.json().items.map((i: { name: string }) => i.name)).toEqual(['别人']);
    expect((await inject(m, 'GET', '/api/members/export')).statusCode).toBe(403);
  });
});

describe('filters, sorting, paging and export', () => {
  let c: number;
  let staff: Session;
  let ids: Record<string, number>;
  let o: { term4: number; term5: number; s1: number; s2: number; sc: number; g: number; p: number };
  beforeAll(async () => {
    const db = t.database.db;
    c = (await buildCommittee(db)).id;
    const built = await buildOrganisation(db, c, {
      terms: [
        { number: 4, name: '第四届' },
        { number: 5, name: '第五届' },
      ],
      sectors: ['农业界', '医药卫生界'],
      specialCommittees: ['农业和农村委员会'],
      groups: ['第二小组'],
      contactPoints: [{ name: '良田镇联络站', town: '良田镇' }],
    });
    o = {
      term4: built.terms[0]!.id,
      term5: built.terms[1]!.id,
      s1: built.sectors[0]!.id,
      s2: built.sectors[1]!.id,
      sc: built.specialCommittees[0]!.id,
      g: built.groups[0]!.id,
      p: built.contactPoints[0]!.id,
    };
    const make = (name: string, extra: Partial<typeof members.$inferInsert>) =>
      buildMember(db, c, { name, sectorId: o.s1, termId: o.term5, ...extra });
    ids = {
      a: (
        await make('甲', {
          birthMonth: '1960-01',
          isStandingMember: true,
          groupId: o.g,
          employer: '良田种养殖合作社',
        })
      ).id,
      b: (await make('乙', { birthMonth: '1985-07', sectorId: o.s2, contactPointId: o.p })).id,
      c: (await make('丙', { birthMonth: '1970-05', status: 'resigned', termId: o.term4 })).id,
      d: (await make('丁', { birthMonth: '1990-12', groupId: o.g })).id,
    };
    await db.insert(memberSpecialCommittees).values({ memberId: ids.a!, specialCommitteeId: o.sc });
    staff = await signedInUser(t.app, c, ['liaisonStaff']);
  });

  const names = async (query: string) => {
    const res = await inject(staff, 'GET', `/api/members?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { name: string }[]).map((i) => i.name);
  };

  it('filters by every field', async () => {
    expect(await names(`sectorId=${o.s2}`)).toEqual(['乙']);
    expect(await names(`groupId=${o.g}&sort=birthMonth`)).toEqual(['甲', '丁']);
    expect(await names(`specialCommitteeId=${o.sc}`)).toEqual(['甲']);
    expect(await names(`contactPointId=${o.p}`)).toEqual(['乙']);
    expect(await names(`termId=${o.term4}`)).toEqual(['丙']);
    expect(await names('status=resigned')).toEqual(['丙']);
    expect(await names('isStandingMember=true')).toEqual(['甲']);
    expect(await names(`q=${encodeURIComponent('种养殖')}`)).toEqual(['甲']);
  });

  it('sorts and pages', async () => {
    expect(await names('sort=birthMonth&order=desc')).toEqual(['丁', '乙', '丙', '甲']);
    const page = await inject(staff, 'GET', '/api/members?sort=birthMonth&page=2&pageSize=3');
    expect(page.json()).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page.json().items.map((i: { name: string }) => i.name)).toEqual(['丁']);
    expect(await names('sort=term&order=asc&pageSize=1')).toEqual(['丙']);
    const bad = await inject(staff, 'GET', '/api/members?status=retired');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('状态不在允许范围内');
    expect((await inject(staff, 'GET', '/api/members?colour=red')).statusCode).toBe(400);
  });

  it('exports the filtered roster with the import headers', async () => {
    const res = await inject(staff, 'GET', `/api/members/export?groupId=${o.g}&sort=birthMonth`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('委员名单'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual([...memberImportHeaders]);
    expect(rows).toHaveLength(3);
    expect(rows[1]!.slice(0, 8)).toEqual([
      '甲',
      '女',
      '汉族',
      '1960-01',
      '中共',
      '农业界',
      '农业和农村委员会',
      '第二小组',
    ]);
    expect(rows[1]![11]).toBe('是');
    expect(rows[1]![13]).toBe('第五届');
    expect(rows[2]![0]).toBe('丁');
  });
});
