import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { injectAs, postFormAs, type Session } from '../../../test/harness';
import { useCommitteeApp } from '../../../test/committee-app';
import { buildCommittee, buildMember, buildOrganisation, signedInUser } from '../../../test/factories';
import { memberSpecialCommittees, members } from '../../db/schema';
import { multipartFile, rosterFile } from './fixtures';
import { backfillNameSpelling, nameSpelling } from './member-search';

/**
 * People search through every endpoint that lists members: the members list (staff with private
 * access, and members without) and the co-proposer candidates of the proposals.
 */
const t = useCommitteeApp({ users: { liaison: ['liaisonStaff'] } });
const { liaison } = t.users;
let proposer: Session;
let ids: Record<string, number>;
let otherWei: number;
let org: { termId: number; economy: number; education: number; farming: number; groupId: number };

beforeAll(async () => {
  const db = t.database.db;
  const built = await buildOrganisation(db, t.committeeId, {
    terms: [{ number: 5, name: '第五届' }],
    sectors: ['经济界', '教育界', '农业界'],
    specialCommittees: ['提案委员会'],
    groups: ['第一小组'],
    contactPoints: [{ name: '金川镇工作室', town: '金川镇' }],
  });
  org = {
    termId: built.terms[0]!.id,
    economy: built.sectors[0]!.id,
    education: built.sectors[1]!.id,
    farming: built.sectors[2]!.id,
    groupId: built.groups[0]!.id,
  };
  const member = (
    name: string,
    phone: string,
    sectorId: number,
    more: Partial<typeof members.$inferInsert> = {},
  ) =>
    buildMember(db, t.committeeId, { name, phone, sectorId, termId: org.termId, ...more }).then((m) => m.id);
  ids = {
    魏央超: await member('魏央超', '13800001234', org.economy, {
      groupId: org.groupId,
      contactPointId: built.contactPoints[0]!.id,
    }),
    王一成: await member('王一成', '13900005678', org.education),
    吴明: await member('吴明', '13700004321', org.farming),
    李明: await member('李明', '13600000011', org.farming),
    李明华: await member('李明华', '13600000012', org.farming),
    丁李明: await member('丁李明', '13600000013', org.farming),
  };
  await db
    .insert(memberSpecialCommittees)
    .values({ memberId: ids['王一成']!, specialCommitteeId: built.specialCommittees[0]!.id });
  // The proposer is in no name, sector or group the queries below look for.
  const self = await buildMember(db, t.committeeId, {
    name: '张自己',
    phone: '13500000001',
    sectorId: org.farming,
    termId: org.termId,
  });
  proposer = await signedInUser(t.app, t.committeeId, ['member'], { memberId: self.id });

  // Another committee: the same name, phone, sector and group, never found from this one.
  const other = await buildCommittee(db);
  const otherOrg = await buildOrganisation(db, other.id, { sectors: ['经济界'], groups: ['第一小组'] });
  otherWei = (
    await buildMember(db, other.id, {
      name: '魏央超',
      phone: '13800001234',
      sectorId: otherOrg.sectors[0]!.id,
      groupId: otherOrg.groups[0]!.id,
    })
  ).id;
});

type Found = { status: number; names: string[]; ids: number[] };

async function membersList(session: Session, q: string): Promise<Found> {
  const res = await injectAs(t, session, 'GET', `/api/members?pageSize=100&q=${encodeURIComponent(q)}`);
  const items: { id: number; name: string }[] = res.json().items ?? [];
  return { status: res.statusCode, names: items.map((i) => i.name), ids: items.map((i) => i.id) };
}

async function coProposers(session: Session, q: string): Promise<Found> {
  const res = await injectAs(
    t,
    session,
    'GET',
    `/api/proposals/co-proposer-candidates?q=${encodeURIComponent(q)}`,
  );
  const items: { id: number; name: string }[] = res.json().items ?? [];
  return { status: res.statusCode, names: items.map((i) => i.name), ids: items.map((i) => i.id) };
}

const endpoints = [
  { name: 'the members list (liaison staff)', find: (q: string) => membersList(liaison, q) },
  { name: 'the members list (a member)', find: (q: string) => membersList(proposer, q) },
  { name: 'the co-proposer candidates (a member)', find: (q: string) => coProposers(proposer, q) },
];

/** What every viewer finds, whatever the endpoint: names, pinyin, initials, sectors and groups. */
const publicCases: [string, string[]][] = [
  ['魏', ['魏央超']],
  ['央超', ['魏央超']],
  ['weiyangchao', ['魏央超']],
  ['Wei Yang Chao', ['魏央超']],
  ['WEIY', ['魏央超']],
  ['weiy', ['魏央超']],
  ['wyc', ['王一成', '魏央超']],
  ['wy', ['王一成', '魏央超']],
  ['wm', ['吴明']],
  ['wum', ['吴明']],
  ['wang', ['王一成']],
  ['教育', ['王一成']],
  ['教育界', ['王一成']],
  ['第一小组', ['魏央超']],
  ['xyz', []],
];

describe.each(endpoints)('$name', ({ find }) => {
  it.each(publicCases)('%s finds %j', async (q, expected) => {
    const found = await find(q);
    expect(found.status).toBe(200);
    expect([...found.names].sort()).toEqual([...expected].sort());
    expect(found.ids).not.toContain(otherWei);
  });

  it('lists the exact name first, then names beginning with the text, then the rest by name', async () => {
    expect((await find('李明')).names).toEqual(['李明', '李明华', '丁李明']);
    expect((await find('lm')).names[0]).toBe('李明');
  });
});

describe('phone endings', () => {
  it('find a member for staff who may read phones: the last 4 digits or any longer ending', async () => {
    for (const q of ['1234', '01234', '13800001234', '1380000 1234'])
      expect((await membersList(liaison, q)).ids, q).toEqual([ids['魏央超']]);
    expect((await membersList(liaison, '5678')).names).toEqual(['王一成']);
    // Fewer than 4 digits, or the middle of a number, are no phone search.
    expect((await membersList(liaison, '234')).names).toEqual([]);
    expect((await membersList(liaison, '1380')).names).toEqual([]);
  });

  it('find nobody for members, who cannot read phones, on any endpoint', async () => {
    for (const q of ['1234', '13800001234']) {
      expect((await membersList(proposer, q)).names, q).toEqual([]);
      expect((await coProposers(proposer, q)).names, q).toEqual([]);
    }
  });

  it('staff also find by contact point and special committee, which members do not see', async () => {
    expect((await membersList(liaison, '金川镇')).names).toEqual(['魏央超']);
    expect((await membersList(liaison, '提案委员会')).names).toEqual(['王一成']);
    expect((await membersList(proposer, '金川镇')).names).toEqual([]);
    expect((await coProposers(proposer, '提案委员会')).names).toEqual([]);
  });
});

describe('the stored spelling', () => {
  it('is written when a member is created and when renamed', async () => {
    const created = await injectAs(t, liaison, 'POST', '/api/members', {
      name: '欧阳晓',
      gender: 'female',
      ethnicity: '汉族',
      birthMonth: '1980-01',
      party: '群众',
      sectorId: org.economy,
      specialCommitteeIds: [],
      phone: '13300000001',
      termId: org.termId,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id: number = created.json().id;
    expect((await membersList(liaison, 'oyx')).ids).toEqual([id]);
    const renamed = await injectAs(t, liaison, 'PATCH', `/api/members/${id}`, { name: '欧阳春' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await membersList(liaison, 'oyx')).ids).toEqual([]);
    expect((await membersList(liaison, 'ouyangchun')).ids).toEqual([id]);
    expect((await coProposers(proposer, 'oyc')).ids).toEqual([id]);
  });

  it('is written for every row of an imported roster', async () => {
    const file = await rosterFile([
      {
        姓名: '吕小红',
        性别: '女',
        民族: '汉族',
        出生年月: '1985-02',
        党派: '群众',
        界别: '经济界',
        手机: '13300000002',
        届: '第五届',
      },
    ]);
    const res = await postFormAs(t, liaison, '/api/members/import', multipartFile(file, '名单.xlsx'));
    expect(res.statusCode, res.body).toBe(200);
    // ü is typed as v on a pinyin keyboard.
    expect((await membersList(liaison, 'lvxiaohong')).names).toEqual(['吕小红']);
    expect((await membersList(liaison, 'lxh')).names).toEqual(['吕小红']);
  });

  it('is filled at start-up for rows written before it existed, leaving updated_at alone', async () => {
    const db = t.database.db;
    const [old] = await db
      .insert(members)
      .values({
        committeeId: t.committeeId,
        name: '阿依古丽·买买提',
        gender: 'female',
        ethnicity: '维吾尔族',
        birthMonth: '1990-05',
        party: '群众',
        sectorId: org.economy,
        phone: '13300000003',
        termId: org.termId,
      })
      .returning();
    expect(old).toMatchObject({ namePinyin: '', nameInitials: '' });
    expect((await membersList(liaison, 'aygl')).names).toEqual([]);
    expect(await backfillNameSpelling(db)).toBe(1);
    const [after] = await db.select().from(members).where(eq(members.id, old!.id));
    expect(after).toMatchObject({ ...nameSpelling('阿依古丽·买买提'), updatedAt: old!.updatedAt });
    expect(after!.nameInitials).toBe('ayglmmt');
    expect((await membersList(liaison, 'ayglmmt')).names).toEqual(['阿依古丽·买买提']);
    expect(await backfillNameSpelling(db)).toBe(0);
  });

  it('reads the first character as a surname (曾 zeng, 单 shan), and corrects rows spelt otherwise', async () => {
    expect(nameSpelling('曾国强')).toEqual({ namePinyin: 'zengguoqiang', nameInitials: 'zgq' });
    expect(nameSpelling('单雄信')).toEqual({ namePinyin: 'shanxiongxin', nameInitials: 'sxx' });
    const db = t.database.db;
    await db.insert(members).values({
      committeeId: t.committeeId,
      name: '曾国强',
      gender: 'male',
      ethnicity: '汉族',
      birthMonth: '1972-03',
      party: '群众',
      sectorId: org.economy,
      phone: '13300000004',
      termId: org.termId,
      namePinyin: 'cengguoqiang',
      nameInitials: 'cgq',
    });
    expect(await backfillNameSpelling(db)).toBe(1);
    expect((await membersList(liaison, 'zgq')).names).toEqual(['曾国强']);
    expect((await membersList(liaison, 'zengguo')).names).toEqual(['曾国强']);
  });
});
