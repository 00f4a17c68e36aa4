import { defaultSectors, defaultSpecialCommittees, type Role } from '@cppcc/shared';
import type { Db } from '../client';
import * as s from '../schema';
import { personName, seededRandom } from './random';
import { withNameSpelling } from '../../modules/organisation/member-search';

export const demoTowns = [
  '城关镇',
  '金川镇',
  '河东镇',
  '南湖街道',
  '北塔街道',
  '新华街道',
  '良田镇',
  '丰乐镇',
  '石门乡',
  '清水镇',
  '红旗乡',
];

const demoUnits = [
  '区发展和改革局',
  '区教育局',
  '区科学技术局',
  '区工业和信息化局',
  '区公安分局',
  '区民政局',
  '区司法局',
  '区财政局',
  '区人力资源和社会保障局',
  '区自然资源局',
  '区生态环境分局',
  '区住房和城乡建设局',
  '区交通运输局',
  '区水务局',
  '区农业农村局',
  '区商务局',
  '区文化旅游广电局',
  '区卫生健康局',
  '区退役军人事务局',
  '区应急管理局',
  '区审计局',
  '区市场监督管理局',
  '区统计局',
  '区医疗保障局',
  '区城市管理局',
  '区数据局',
  '区总工会',
  '团区委',
  '区妇联',
  '区供电公司',
  '区12345政务服务便民热线',
];
const parties = [
  '中共',
  '中共',
  '中共',
  '民革',
  '民盟',
  '民建',
  '民进',
  '农工党',
  '九三学社',
  '无党派人士',
  '群众',
];
const ethnicities = ['汉族', '汉族', '汉族', '汉族', '回族', '回族', '满族', '蒙古族'];
const employers = [
  '区第一中学 教师',
  '区人民医院 主任医师',
  '金川农业合作社 理事长',
  '新华社区 党委书记',
  '清河律师事务所 主任',
  '区实验小学 校长',
  '丰乐建材有限公司 总经理',
  '区融媒体中心 记者',
  '城关镇卫生院 院长',
  '南湖物流园 董事长',
  '区职业技术学校 副校长',
  '区图书馆 馆长',
  '良田种养殖专业合作社 负责人',
  '区工商联 副主席',
];

/** Accounts created for the demo, one per role; usernames are fixed and listed in the README. */
export const demoAccounts: {
  username: string;
  label: string;
  roles: Role[];
  link?: 'member' | 'member2' | 'unit' | 'leaderMember' | 'staff';
}[] = [
  { username: 'member', label: '委员（提案人）', roles: ['member'], link: 'member' },
  { username: 'member2', label: '委员（联名人）', roles: ['member'], link: 'member2' },
  { username: 'proposal.staff', label: '提案工作人员', roles: ['proposalStaff'], link: 'staff' },
  { username: 'opinion.staff', label: '信息工作人员', roles: ['opinionStaff'], link: 'staff' },
  { username: 'info.liaison', label: '特邀信息员', roles: ['infoLiaison'] },
  { username: 'liaison.staff', label: '委员联络工作人员', roles: ['liaisonStaff'], link: 'staff' },
  { username: 'unit.handler', label: '承办单位经办人', roles: ['unitHandler'], link: 'unit' },
  { username: 'unit.head', label: '承办单位负责人', roles: ['unitHead'], link: 'unit' },
  { username: 'leader', label: '主席会议成员', roles: ['leader', 'member'], link: 'leaderMember' },
  { username: 'party.leader', label: '党政领导', roles: ['partyLeader'] },
  { username: 'sysadmin', label: '系统管理员', roles: ['sysAdmin'] },
  { username: 'secadmin', label: '安全管理员', roles: ['securityAdmin'] },
  { username: 'auditor', label: '安全审计员', roles: ['auditAdmin'] },
];
/** The opinion staff of the parent committees, who receive what the county reports upward (三级联动). */
export const parentDemoAccounts = [
  { username: 'city.staff', label: '市政协信息工作人员', roles: ['opinionStaff'] as Role[], level: 'city' },
  {
    username: 'province.staff',
    label: '省政协信息工作人员',
    roles: ['opinionStaff'] as Role[],
    level: 'province',
  },
] as const;

export interface SeededOrganisation {
  provinceId: number;
  cityId: number;
  countyId: number;
  termId: number;
  sessionId: number;
  memberIds: number[];
  unitIds: number[];
  sectorIds: number[];
}

/** The demo city committee and its county committee, shaped like the seeds: ~250 members, 4 groups, 11 towns, 30 units. */
export async function seedOrganisation(
  db: Db,
  passwordHash: string,
  now = new Date(),
): Promise<SeededOrganisation> {
  const random = seededRandom(20241);
  const year = now.getFullYear();
  return db.transaction(async (tx) => {
    const [province] = await tx
      .insert(s.committees)
      .values({ code: 'demo-province', name: '江北省政协', level: 'province' })
      .returning();
    const [city] = await tx
      .insert(s.committees)
      .values({ code: 'demo-city', name: '清河市政协', level: 'city', parentId: province!.id })
      .returning();
    const [county] = await tx
      .insert(s.committees)
      .values({ code: 'demo-county', name: '清河市金川区政协', level: 'county', parentId: city!.id })
      .returning();
    const committeeId = county!.id;

    for (const c of [city!.id, committeeId]) {
      await tx
        .insert(s.sectors)
        .values(defaultSectors.map((name, i) => ({ committeeId: c, name, sortOrder: i })));
      await tx
        .insert(s.specialCommittees)
        .values(defaultSpecialCommittees.map((name, i) => ({ committeeId: c, name, sortOrder: i })));
    }
    const sectorRows = await tx.query.sectors.findMany({
      where: (t, { eq }) => eq(t.committeeId, committeeId),
    });
    const scRows = await tx.query.specialCommittees.findMany({
      where: (t, { eq }) => eq(t.committeeId, committeeId),
    });

    const [term] = await tx
      .insert(s.terms)
      .values({
        committeeId,
        number: 5,
        name: '第五届',
        startDate: `${year - 2}-01-10`,
        endDate: `${year + 2}-12-31`,
      })
      .returning();
    await tx.insert(s.terms).values({
      committeeId: city!.id,
      number: 9,
      name: '第九届',
      startDate: `${year - 2}-01-05`,
      endDate: `${year + 2}-12-31`,
    });
    const sessions = await tx
      .insert(s.plenarySessions)
      .values([
        {
          committeeId,
          termId: term!.id,
          number: 2,
          name: '五届二次会议',
          meetingStart: `${year - 1}-01-12`,
          meetingEnd: `${year - 1}-01-15`,
          submissionOpens: `${year - 2}-10-12`,
          submissionCloses: `${year - 1}-01-14`,
        },
        {
          committeeId,
          termId: term!.id,
          number: 3,
          name: '五届三次会议',
          meetingStart: `${year}-01-10`,
          meetingEnd: `${year}-01-13`,
          submissionOpens: `${year - 1}-10-10`,
          submissionCloses: `${year}-01-12`,
        },
      ])
      .returning();

    const groups = await tx
      .insert(s.memberGroups)
      .values(
        ['第一活动小组', '第二活动小组', '第三活动小组', '第四活动小组'].map((name, i) => ({
          committeeId,
          name,
          description: `委员活动小组（${demoTowns[i * 2]}片区）`,
        })),
      )
      .returning();
    const kinds = ['liaisonPoint', 'receptionRoom', 'studio', 'station', 'contactStation'] as const;
    const points = await tx
      .insert(s.contactPoints)
      .values(
        demoTowns.map((town, i) => ({
          committeeId,
          name: `${town}${i % 2 ? '委员会客室' : '政协委员联络站'}`,
          kind: kinds[i % kinds.length]!,
          town,
          village: `${town.slice(0, 2)}社区`,
          address: `${town}人民路${i + 1}号`,
        })),
      )
      .returning();
    const unitRows = await tx
      .insert(s.units)
      .values(
        demoUnits.map((name) => ({
          committeeId,
          name,
          contactPerson: personName(random),
          contactPhone: `0951-${random.int(5000000, 5999999)}`,
        })),
      )
      .returning();

    const memberValues = Array.from({ length: 247 }, (_, i) => ({
      committeeId,
      name: personName(random),
      gender: random.chance(0.62) ? ('male' as const) : ('female' as const),
      ethnicity: random.pick(ethnicities),
      birthMonth: `${random.int(1962, 1992)}-${String(random.int(1, 12)).padStart(2, '0')}`,
      party: random.pick(parties),
      sectorId: random.pick(sectorRows).id,
      groupId: groups[i % groups.length]!.id,
      contactPointId: points[i % points.length]!.id,
      employer: random.pick(employers),
      phone: `138${String(10000000 + i * 7919).slice(-8)}`,
      isStandingMember: i < 40,
      isLeader: i < 6,
      termId: term!.id,
    }));
    const memberRows = await tx.insert(s.members).values(memberValues.map(withNameSpelling)).returning();
    await tx
      .insert(s.memberSpecialCommittees)
      .values(
        memberRows.flatMap((m, i) =>
          i % 3 === 2 ? [] : [{ memberId: m.id, specialCommitteeId: scRows[i % scRows.length]!.id }],
        ),
      );
    const staffRows = await tx
      .insert(s.staff)
      .values([
        {
          committeeId,
          name: '周文静',
          department: '提案委员会办公室',
          position: '主任',
          phone: '13900000101',
        },
        { committeeId, name: '马晓东', department: '信息科', position: '科长', phone: '13900000102' },
        { committeeId, name: '李淑琴', department: '委员联络科', position: '科长', phone: '13900000103' },
      ])
      .returning();
    await tx
      .insert(s.organisationProposers)
      .values([
        ...[
          '民革金川区支部',
          '民盟金川区总支',
          '民建金川区支部',
          '九三学社金川区支社',
          '区工商联',
          '区妇联',
        ].map((name) => ({ committeeId, name, kind: 'party' })),
        ...scRows
          .slice(0, 4)
          .map((sc) => ({ committeeId, name: `区政协${sc.name}`, kind: 'specialCommittee' })),
      ]);

    const link = {
      member: { memberId: memberRows[10]!.id },
      member2: { memberId: memberRows[11]!.id },
      leaderMember: { memberId: memberRows[0]!.id },
      unit: { unitId: unitRows[1]!.id },
      staff: {},
    };
    const staffFor: Record<string, number> = {
      'proposal.staff': staffRows[0]!.id,
      'opinion.staff': staffRows[1]!.id,
      'liaison.staff': staffRows[2]!.id,
    };
    await tx.insert(s.users).values(
      demoAccounts.map((a) => ({
        committeeId,
        username: a.username,
        displayName:
          a.link === 'member'
            ? memberRows[10]!.name
            : a.link === 'member2'
              ? memberRows[11]!.name
              : a.link === 'leaderMember'
                ? memberRows[0]!.name
                : a.label,
        passwordHash,
        roles: a.roles,
        mustChangePassword: false,
        staffId: staffFor[a.username] ?? null,
        ...(a.link ? link[a.link] : {}),
      })),
    );
    await tx.insert(s.users).values(
      parentDemoAccounts.map((a) => ({
        committeeId: a.level === 'city' ? city!.id : province!.id,
        username: a.username,
        displayName: a.label,
        passwordHash,
        roles: [...a.roles],
        mustChangePassword: false,
      })),
    );
    // Members without a demo account get a login of their own (phone), which they must change at first sign-in.
    await tx.insert(s.users).values(
      memberRows.slice(12, 40).map((m) => ({
        committeeId,
        username: `m${m.phone}`,
        phone: m.phone,
        displayName: m.name,
        passwordHash,
        roles: ['member'] as Role[],
        memberId: m.id,
      })),
    );

    return {
      provinceId: province!.id,
      cityId: city!.id,
      countyId: committeeId,
      termId: term!.id,
      sessionId: sessions[1]!.id,
      memberIds: memberRows.map((m) => m.id),
      unitIds: unitRows.map((u) => u.id),
      sectorIds: sectorRows.map((r) => r.id),
    };
  });
}
