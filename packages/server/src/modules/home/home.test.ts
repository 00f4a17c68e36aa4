import { describe, expect, it } from 'vitest';
import type { HomeCardDto } from '@cppcc/shared';
import { as, type Session } from '../../../test/harness';
import { useCommitteeApp } from '../../../test/committee-app';
import { buildCommittee, buildMember, buildUser, signedInUser } from '../../../test/factories';
import { auditLog, memberGroups } from '../../db/schema';
import { notifyUsers } from '../../lib/notify';
import { defineHomeProvider, installHomeProviders } from '../../lib/home';
import { platformModules } from '..';

const t = useCommitteeApp();

const cardsOf = async (session: Session): Promise<HomeCardDto[]> => {
  const res = await t.app.inject({ method: 'GET', url: '/api/home', headers: as(session) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().cards;
};
const keys = (cards: HomeCardDto[]) => cards.map((c) => c.key);

describe('GET /api/home', () => {
  it('gives every user the unread-notification card with their own count', async () => {
    const member = await signedInUser(t.app, t.committeeId, ['member']);
    const other = await buildUser(t.database.db, t.committeeId, ['member']);
    await notifyUsers(t.database.db, t.committeeId, [member.userId, member.userId, other.id], {
      kind: 'x',
      title: '请查看',
    });
    await notifyUsers(t.database.db, t.committeeId, [member.userId], { kind: 'y', title: '第二条' });
    const cards = await cardsOf(member);
    expect(keys(cards)).toEqual(['notifications.unread']);
    expect(cards[0]).toMatchObject({ value: 2, tone: 'warning', link: '/notifications' });
  });

  it('shows locked accounts to the security administrator only', async () => {
    await buildUser(t.database.db, t.committeeId, ['proposalStaff'], {
      lockedUntil: new Date(Date.now() + 600_000),
    });
    await buildUser(t.database.db, t.committeeId, ['proposalStaff'], {
      lockedUntil: new Date(Date.now() - 600_000),
    });
    await buildUser(t.database.db, (await buildCommittee(t.database.db)).id, ['member'], {
      lockedUntil: new Date(Date.now() + 600_000),
    });
    const sec = await signedInUser(t.app, t.committeeId, ['securityAdmin']);
    const secCards = await cardsOf(sec);
    expect(keys(secCards)).toEqual(['notifications.unread', 'accounts.locked']);
    const locked = secCards.find((c) => c.key === 'accounts.locked');
    expect(locked).toMatchObject({ value: 1, link: '/accounts?locked=true' });
    const sys = await signedInUser(t.app, t.committeeId, ['sysAdmin']);
    expect(keys(await cardsOf(sys))).not.toContain('accounts.locked');
  });

  it('shows recent audit events to the audit administrator only', async () => {
    const c = (await buildCommittee(t.database.db)).id;
    await t.database.db.insert(auditLog).values([
      { committeeId: c, action: 'auth.loginFailed', summary: '失败' },
      { committeeId: c, action: 'account.create', summary: '创建' },
      {
        committeeId: c,
        action: 'account.create',
        summary: '很早',
        createdAt: new Date(Date.now() - 3 * 24 * 3600_000),
      },
    ]);
    const auditor = await signedInUser(t.app, c, ['auditAdmin']); // its sign-in adds one auth.login entry
    const card = (await cardsOf(auditor)).find((x) => x.key === 'audit.recent')!;
    expect(card.value).toBe(3);
    expect(card.items).toEqual([
      { label: '登录失败', value: 1, link: '/audit-log?action=auth.loginFailed' },
      { label: '账号变更', value: 1, link: '/audit-log?action=account.' },
    ]);
    const sec = await signedInUser(t.app, c, ['securityAdmin']);
    expect(keys(await cardsOf(sec))).not.toContain('audit.recent');
  });

  it('shows active members by group to liaison staff and leaders, not to members', async () => {
    const c = (await buildCommittee(t.database.db)).id;
    const [g1] = await t.database.db
      .insert(memberGroups)
      .values({ committeeId: c, name: '第一小组' })
      .returning();
    const [g2] = await t.database.db
      .insert(memberGroups)
      .values({ committeeId: c, name: '第二小组' })
      .returning();
    await buildMember(t.database.db, c, { groupId: g1!.id, isStandingMember: true });
    await buildMember(t.database.db, c, { groupId: g1!.id });
    await buildMember(t.database.db, c, { groupId: g1!.id, status: 'resigned' });
    await buildMember(t.database.db, c, {});
    for (const roles of [['liaisonStaff'], ['leader', 'member']] as const) {
      const s = await signedInUser(t.app, c, [...roles]);
      const card = (await cardsOf(s)).find((x) => x.key === 'members.summary');
      expect(card).toMatchObject({ value: 3, description: '其中常委 1 人' });
      expect(card!.items).toEqual([
        { label: '第一小组', value: 2, link: `/members?groupId=${g1!.id}` },
        { label: '第二小组', value: 0, link: `/members?groupId=${g2!.id}` },
        { label: '未分组', value: 1 },
      ]);
    }
    const member = await signedInUser(t.app, c, ['proposalStaff']);
    expect(keys(await cardsOf(member))).not.toContain('members.summary');
  });

  it('adds a module’s cards through its manifest entry', async () => {
    const extra = defineHomeProvider({
      key: 'test.extra',
      roles: ['opinionStaff'],
      build: async ({ actor }) => [{ key: 'test.extra', title: `给${actor.displayName}`, value: 7 }],
    });
    installHomeProviders([...platformModules.flatMap((m) => m.homeCards ?? []), extra]);
    const staff = await signedInUser(t.app, t.committeeId, ['opinionStaff']);
    expect((await cardsOf(staff)).at(-1)).toMatchObject({ key: 'test.extra', value: 7 });
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/home' });
    expect(anonymous.statusCode).toBe(401);
    const mustChange = await signedInUser(t.app, t.committeeId, ['opinionStaff'], {
      mustChangePassword: true,
    });
    const blocked = await t.app.inject({ method: 'GET', url: '/api/home', headers: as(mustChange) });
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
  });
});
