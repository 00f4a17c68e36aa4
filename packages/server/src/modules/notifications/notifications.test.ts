import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { as, injectAs } from '../../../test/harness';
import { useCommitteeApp } from '../../../test/committee-app';
import { buildCommittee, buildUser, signedInUser } from '../../../test/factories';
import { notifications } from '../../db/schema';
import { notifyUsers } from '../../lib/notify';

const t = useCommitteeApp({ users: { me: ['member'], colleague: ['member'] } });
const { me, colleague } = t.users;
beforeAll(async () => {
  for (let i = 1; i <= 3; i++) {
    await notifyUsers(t.database.db, t.committeeId, [me.userId], {
      kind: 'proposal.returned',
      title: `提案退回${i}`,
      link: `/proposals/${i}`,
    });
  }
  await notifyUsers(t.database.db, t.committeeId, [colleague.userId], { kind: 'x', title: '同事的通知' });
});

const list = async (qs = '', session = me) =>
  t.app.inject({ method: 'GET', url: `/api/notifications${qs}`, headers: as(session) });

describe('notifications', () => {
  it('lists my notifications newest first with the unread count, never a colleague’s', async () => {
    const res = await list();
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.items.map((n: { title: string }) => n.title)).toEqual([
      '提案退回3',
      '提案退回2',
      '提案退回1',
    ]);
    expect(body).toMatchObject({ total: 3, unreadCount: 3 });
    expect(body.items[0]).toMatchObject({ kind: 'proposal.returned', link: '/proposals/3', read: false });
    expect(res.body).not.toContain('同事的通知');
    const other = (await buildCommittee(t.database.db)).id;
    const stranger = await signedInUser(t.app, other, ['member']);
    await notifyUsers(t.database.db, other, [stranger.userId], { kind: 'x', title: '外委的通知' });
    expect((await list('', stranger)).json().items.map((n: { title: string }) => n.title)).toEqual([
      '外委的通知',
    ]);
    expect((await list()).body).not.toContain('外委的通知');
    await t.database.db
      .update(notifications)
      .set({ read: true })
      .where(eq(notifications.userId, stranger.userId));
  });

  it('marks one as read, filters unread, and pages', async () => {
    const first = (await list()).json().items[2];
    const res = await injectAs(t, me, 'POST', `/api/notifications/${first.id}/read`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ notification: { id: first.id, read: true }, unreadCount: 2 });
    const unread = (await list('?unreadOnly=true')).json();
    expect(unread.items.map((n: { title: string }) => n.title)).toEqual(['提案退回3', '提案退回2']);
    const page = (await list('?pageSize=1&page=3')).json();
    expect(page.items.map((n: { title: string }) => n.title)).toEqual(['提案退回1']);
    expect((await list('?unreadOnly=yes')).statusCode).toBe(400);
    expect((await list('?pageSize=0')).statusCode).toBe(400);
  });

  it('refuses to mark a colleague’s notification, which stays unread', async () => {
    const [theirs] = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, colleague.userId));
    const res = await injectAs(t, me, 'POST', `/api/notifications/${theirs!.id}/read`);
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('通知不存在或无权查看');
    const [after] = await t.database.db.select().from(notifications).where(eq(notifications.id, theirs!.id));
    expect(after!.read).toBe(false);
    const bad = await t.app.inject({ method: 'POST', url: '/api/notifications/abc/read', headers: as(me) });
    expect(bad.statusCode).toBe(400);
  });

  it('marks all of mine read and leaves the colleague’s and other committees’ alone', async () => {
    const other = (await buildCommittee(t.database.db)).id;
    const stranger = await buildUser(t.database.db, other, ['member']);
    await notifyUsers(t.database.db, other, [stranger.id], { kind: 'x', title: '外委' });
    const res = await t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: as(me) });
    expect(res.json()).toEqual({ updated: 2, unreadCount: 0 });
    const rest = await t.database.db.select().from(notifications).where(eq(notifications.read, false));
    expect(rest.map((n) => n.title).sort()).toEqual(['同事的通知', '外委']);
    expect((await list('', colleague)).json().unreadCount).toBe(1);
  });

  it('refuses anonymous callers and writes without the CSRF token', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/notifications/read-all',
      headers: { cookie: colleague.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect((await list('', colleague)).json().unreadCount).toBe(1);
  });
});
