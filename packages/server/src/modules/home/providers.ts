import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { memberGroups, members } from '../../db/schema';
import { defineHomeProvider } from '../../lib/home';

/**
 * Home cards for data that has no module of its own here yet (the roster). Cards of other
 * modules are registered beside those modules: accounts/home.ts, audit/home.ts, notifications/home.ts.
 */
export const memberSummaryCard = defineHomeProvider({
  key: 'members.summary',
  roles: ['liaisonStaff', 'leader'],
  async build({ db, actor }) {
    const active = and(eq(members.committeeId, actor.committeeId), eq(members.status, 'active'));
    const [total] = await db.select({ n: count() }).from(members).where(active);
    const [standing] = await db
      .select({ n: count() })
      .from(members)
      .where(and(active, eq(members.isStandingMember, true)));
    const groups = await db
      .select({ id: memberGroups.id, name: memberGroups.name, n: count(members.id) })
      .from(memberGroups)
      .leftJoin(members, and(eq(members.groupId, memberGroups.id), eq(members.status, 'active')))
      .where(eq(memberGroups.committeeId, actor.committeeId))
      .groupBy(memberGroups.id, memberGroups.name)
      .orderBy(asc(memberGroups.id));
    const [ungrouped] = await db
      .select({ n: count() })
      .from(members)
      .where(and(active, isNull(members.groupId)));
    return [
      {
        key: 'members.summary',
        title: '在任委员',
        value: total?.n ?? 0,
        unit: '人',
        description: `其中常委 ${standing?.n ?? 0} 人`,
        link: '/members',
        items: [
          ...groups.map((g) => ({ label: g.name, value: g.n, link: `/members?groupId=${g.id}` })),
          ...((ungrouped?.n ?? 0) > 0 ? [{ label: '未分组', value: ungrouped!.n }] : []),
        ],
      },
    ];
  },
});
