import { beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { passwordProblem } from '@cppcc/shared';
import { as, signIn, injectAs, type Session } from '../../../test/harness';
import { useCommitteeApp } from '../../../test/committee-app';
import {
  buildCommittee,
  buildMember,
  buildUnit,
  buildUser,
  signedInUser,
  testPassword,
} from '../../../test/factories';
import { auditLog, sessions, staff, users } from '../../db/schema';

const t = useCommitteeApp({ users: { admin: ['securityAdmin'] } });
const { admin } = t.users;
let otherCommitteeId: number;
beforeAll(async () => {
  otherCommitteeId = (await buildCommittee(t.database.db)).id;
});

const createAccount = (payload: object, by: Session = admin) =>
  injectAs(t, by, 'POST', '/api/accounts', payload);

/** The answer refuses with this status and this Chinese message. */
function expectRefused(
  res: { statusCode: number; body: string; json(): { message: string } },
  status: number,
  message: string,
) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().message).toBe(message);
}

const lastAudit = async (targetId: number) =>
  (
    await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'user'), eq(auditLog.targetId, String(targetId))))
      .orderBy(desc(auditLog.id))
      .limit(1)
  )[0];

describe('create account', () => {
  it('creates an account linked to a member, returns a one-time policy-compliant password and forces a change', async () => {
    const member = await buildMember(t.database.db, t.committeeId);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/accounts',
      headers: as(admin),
      payload: {
        username: 'zhang.san',
        displayName: '张三',
        phone: '13800001111',
        roles: ['member'],
        memberId: member.id,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(passwordProblem(body.initialPassword)).toBeNull();
    expect(body.account).toMatchObject({
      username: 'zhang.san',
      memberId: member.id,
      memberName: member.name,
      mustChangePassword: true,
    });
    expect(body.account.policies).toMatchObject({ canUpdate: true, canResetPassword: true });
    const audit = await lastAudit(body.account.id);
    expect(audit).toMatchObject({
      action: 'account.create',
      actorId: admin.userId,
      committeeId: t.committeeId,
    });
    expect(JSON.stringify(audit)).not.toContain(body.initialPassword);
    const session = await signIn(t.app, 'zhang.san', body.initialPassword);
    const blocked = await t.app.inject({ method: 'GET', url: '/api/accounts', headers: as(session) });
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const [row] = await t.database.db.select().from(users).where(eq(users.id, body.account.id));
    expect(row!.passwordHash).not.toContain(body.initialPassword);
  });

  it('refuses two separated admin roles, naming them', async () => {
    const res = await createAccount({
      username: 'two.admins',
      displayName: '兼任',
      roles: ['sysAdmin', 'auditAdmin'],
    });
    expectRefused(res, 400, '三员分立：系统管理员、安全审计员不能由同一账号兼任');
    expect(res.json().details.fields[0].path).toBe('body.roles');
  });

  it('requires a unit for unit roles and a member link for members', async () => {
    const noUnit = await createAccount({
      username: 'no.unit',
      displayName: '经办',
      roles: ['unitHandler', 'unitHead'],
    });
    expectRefused(noUnit, 400, '承办单位经办人、承办单位负责人账号须关联承办单位');
    const noMember = await createAccount({ username: 'no.member', displayName: '委员', roles: ['member'] });
    expect(noMember.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: '委员账号须关联委员档案' });
    expect(await t.database.db.select().from(users).where(eq(users.username, 'no.unit'))).toHaveLength(0);
  });

  it('refuses links to records of another committee', async () => {
    const foreignUnit = await buildUnit(t.database.db, otherCommitteeId);
    const foreignMember = await buildMember(t.database.db, otherCommitteeId);
    const [foreignStaff] = await t.database.db
      .insert(staff)
      .values({ committeeId: otherCommitteeId, name: '外委干部' })
      .returning();
    for (const [payload, message] of [
      [{ roles: ['unitHandler'], unitId: foreignUnit.id }, '关联的承办单位不存在'],
      [{ roles: ['member'], memberId: foreignMember.id }, '关联的委员不存在'],
      [{ roles: ['proposalStaff'], staffId: foreignStaff!.id }, '关联的机关干部不存在'],
    ] as const) {
      const res = await createAccount({ username: 'cross.link', displayName: '跨', ...payload });
      expectRefused(res, 400, message);
    }
    expect(await t.database.db.select().from(users).where(eq(users.username, 'cross.link'))).toHaveLength(0);
  });

  it('refuses bad input and duplicates with Chinese messages', async () => {
    const bad = await createAccount({ username: '1x', displayName: '', roles: [], phone: '123', extra: 1 });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.username', 'body.displayName', 'body.roles', 'body.phone']),
    );
    const unit = await buildUnit(t.database.db, t.committeeId);
    const first = await createAccount({
      username: 'Dup.User',
      displayName: '甲',
      roles: ['unitHandler'],
      unitId: unit.id,
    });
    expect(first.statusCode).toBe(201);
    const again = await createAccount({
      username: 'dup.user',
      displayName: '乙',
      roles: ['unitHandler'],
      unitId: unit.id,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'DUPLICATE', message: '用户名已被使用' });
  });

  it('refuses every other role, including the other administrators', async () => {
    for (const roles of [['sysAdmin'], ['auditAdmin'], ['leader'], ['member']] as const) {
      const s = await signedInUser(t.app, t.committeeId, [...roles]);
      const list = await t.app.inject({ method: 'GET', url: '/api/accounts', headers: as(s) });
      expect(list.statusCode).toBe(403);
      expect(list.json().message).toBe('只有安全管理员可以管理账号');
      const create = await createAccount(
        { username: `by.${roles[0]}`, displayName: '越权', roles: ['sysAdmin'] },
        s,
      );
      expect(create.statusCode).toBe(403);
    }
    expect(await t.database.db.select().from(users).where(eq(users.username, 'by.sysAdmin'))).toHaveLength(0);
  });
});

describe('list and read', () => {
  it('filters by text, role, disabled and locked, pages, and never shows another committee', async () => {
    const c = (await buildCommittee(t.database.db)).id;
    const sec = await signedInUser(t.app, c, ['securityAdmin']);
    const unit = await buildUnit(t.database.db, c);
    await buildUser(t.database.db, c, ['unitHandler'], { displayName: '王经办', unitId: unit.id });
    await buildUser(t.database.db, c, ['proposalStaff'], { displayName: '李停用', disabled: true });
    await buildUser(t.database.db, c, ['opinionStaff'], {
      displayName: '赵锁定',
      lockedUntil: new Date(Date.now() + 600_000),
    });
    await buildUser(t.database.db, c, ['opinionStaff'], {
      displayName: '钱过期锁',
      lockedUntil: new Date(Date.now() - 1000),
    });
    await buildUser(t.database.db, otherCommitteeId, ['unitHandler'], { displayName: '王外委' });
    const get = async (qs: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/accounts?${qs}`, headers: as(sec) });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const byName = await get(`q=${encodeURIComponent('王')}`);
    expect(byName.items.map((a: { displayName: string }) => a.displayName)).toEqual(['王经办']);
    expect(byName.items[0].unitName).toBe(unit.name);
    expect((await get('role=unitHandler')).total).toBe(1);
    expect((await get('disabled=true')).items.map((a: { displayName: string }) => a.displayName)).toEqual([
      '李停用',
    ]);
    const locked = await get('locked=true');
    expect(locked.items.map((a: { displayName: string }) => a.displayName)).toEqual(['赵锁定']);
    expect(locked.items[0].locked).toBe(true);
    expect((await get('locked=false')).total).toBe(4);
    const paged = await get('pageSize=2&page=3&sort=displayName&order=desc');
    expect(paged).toMatchObject({ total: 5, page: 3, pageSize: 2, policies: { canCreate: true } });
    expect(paged.items).toHaveLength(1);
    const badSort = await injectAs(t, sec, 'GET', '/api/accounts?sort=passwordHash');
    expect(badSort.statusCode).toBe(400);
    const badFlag = await t.app.inject({ method: 'GET', url: '/api/accounts?locked=yes', headers: as(sec) });
    expect(badFlag.statusCode).toBe(400);
    const all = await get('pageSize=200');
    expect(JSON.stringify(all)).not.toContain('王外委');
    expect(JSON.stringify(all)).not.toContain('passwordHash');
  });

  it('reads one account of the committee; another committee’s is not found', async () => {
    const own = await buildUser(t.database.db, t.committeeId, ['leader']);
    const res = await t.app.inject({ method: 'GET', url: `/api/accounts/${own.id}`, headers: as(admin) });
    expect(res.json()).toMatchObject({ id: own.id, roles: ['leader'] });
    const foreign = await buildUser(t.database.db, otherCommitteeId, ['leader']);
    const other = await injectAs(t, admin, 'GET', `/api/accounts/${foreign.id}`);
    expect(other.statusCode).toBe(404);
    const badId = await t.app.inject({ method: 'GET', url: '/api/accounts/abc', headers: as(admin) });
    expect(badId.statusCode).toBe(400);
  });
});

describe('update', () => {
  it('changes name, roles and links, audits the diff, and disabling ends sessions', async () => {
    const unit = await buildUnit(t.database.db, t.committeeId);
    const user = await buildUser(t.database.db, t.committeeId, ['proposalStaff']);
    const session = await signIn(t.app, user.username, testPassword);
    const res = await injectAs(t, admin, 'PATCH', `/api/accounts/${user.id}`, {
      displayName: '新名字',
      roles: ['unitHead'],
      unitId: unit.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      displayName: '新名字',
      roles: ['unitHead'],
      unitId: unit.id,
      unitName: unit.name,
    });
    const audit = await lastAudit(user.id);
    expect(audit!.action).toBe('account.update');
    expect(audit!.changes).toMatchObject({
      displayName: [user.displayName, '新名字'],
      roles: [['proposalStaff'], ['unitHead']],
    });
    const disabled = await injectAs(t, admin, 'PATCH', `/api/accounts/${user.id}`, { disabled: true });
    expect(disabled.json().disabled).toBe(true);
    expect((await lastAudit(user.id))!.action).toBe('account.disable');
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(session) });
    expect(me.statusCode).toBe(401);
  });

  it('refuses a role change that breaks the rules and leaves the account unchanged', async () => {
    const user = await buildUser(t.database.db, t.committeeId, ['sysAdmin']);
    const res = await injectAs(t, admin, 'PATCH', `/api/accounts/${user.id}`, {
      roles: ['sysAdmin', 'securityAdmin'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('系统管理员、安全管理员');
    const unitRole = await injectAs(t, admin, 'PATCH', `/api/accounts/${user.id}`, {
      roles: ['unitHandler'],
    });
    expect(unitRole.json().message).toBe('承办单位经办人账号须关联承办单位');
    const empty = await injectAs(t, admin, 'PATCH', `/api/accounts/${user.id}`, {});
    expect(empty.json().message).toBe('没有要修改的内容');
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.roles).toEqual(['sysAdmin']);
  });

  it('a security administrator cannot change their own roles or disable themselves, but may edit their name', async () => {
    const own = await injectAs(t, admin, 'PATCH', `/api/accounts/${admin.userId}`, {
      roles: ['securityAdmin', 'leader'],
    });
    expect(own.statusCode).toBe(403);
    const disable = await injectAs(t, admin, 'PATCH', `/api/accounts/${admin.userId}`, { disabled: true });
    expect(disable.statusCode).toBe(403);
    const rename = await injectAs(t, admin, 'PATCH', `/api/accounts/${admin.userId}`, {
      displayName: '安全员',
      roles: ['securityAdmin'],
    });
    expect(rename.statusCode).toBe(200);
    expect(rename.json().policies).toMatchObject({ canChangeRoles: false, canResetPassword: false });
  });

  it('refuses the update by other roles', async () => {
    const user = await buildUser(t.database.db, t.committeeId, ['member'], {
      memberId: (await buildMember(t.database.db, t.committeeId)).id,
    });
    const sys = await signedInUser(t.app, t.committeeId, ['sysAdmin']);
    const res = await injectAs(t, sys, 'PATCH', `/api/accounts/${user.id}`, { roles: ['sysAdmin'] });
    expect(res.statusCode).toBe(403);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.roles).toEqual(['member']);
  });
});

describe('reset password and unlock', () => {
  it('resets the password once, forces a change and ends the sessions', async () => {
    const user = await buildUser(t.database.db, t.committeeId, ['opinionStaff'], { failedLogins: 3 });
    const session = await signIn(t.app, user.username, testPassword);
    const res = await injectAs(t, admin, 'POST', `/api/accounts/${user.id}/reset-password`);
    expect(res.statusCode, res.body).toBe(200);
    const { initialPassword, account } = res.json();
    expect(passwordProblem(initialPassword)).toBeNull();
    expect(account.mustChangePassword).toBe(true);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(session) })).statusCode,
    ).toBe(401);
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: user.username, password: testPassword },
    });
    expect(old.statusCode).toBe(401);
    const fresh = await signIn(t.app, user.username, initialPassword);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(fresh) });
    expect(me.json().mustChangePassword).toBe(true);
    expect((await lastAudit(user.id))!.action).toBe('auth.login');
  });

  it('refuses resetting one’s own password and refuses other roles', async () => {
    const self = await injectAs(t, admin, 'POST', `/api/accounts/${admin.userId}/reset-password`);
    expect(self.statusCode).toBe(403);
    const user = await buildUser(t.database.db, t.committeeId, ['opinionStaff']);
    const auditor = await signedInUser(t.app, t.committeeId, ['auditAdmin']);
    const res = await injectAs(t, auditor, 'POST', `/api/accounts/${user.id}/reset-password`);
    expect(res.statusCode).toBe(403);
    await signIn(t.app, user.username, testPassword);
  });

  it('unlocks a locked account so that it can sign in, and audits it', async () => {
    const user = await buildUser(t.database.db, t.committeeId, ['opinionStaff'], {
      failedLogins: 5,
      lockedUntil: new Date(Date.now() + 600_000),
    });
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: user.username, password: testPassword },
    });
    // A locked account answers as any refused login (no way to learn it exists or is locked).
    expect(locked.statusCode).toBe(401);
    expect(locked.json().code).toBe('INVALID_CREDENTIALS');
    const denied = await injectAs(
      t,
      await signedInUser(t.app, t.committeeId, ['sysAdmin']),
      'POST',
      `/api/accounts/${user.id}/unlock`,
    );
    expect(denied.statusCode).toBe(403);
    const res = await injectAs(t, admin, 'POST', `/api/accounts/${user.id}/unlock`);
    expect(res.json()).toMatchObject({ locked: false, failedLogins: 0 });
    expect((await lastAudit(user.id))!.action).toBe('account.unlock');
    await signIn(t.app, user.username, testPassword);
  });
});

describe('across committees and bad ids', () => {
  it('treats another committee’s account as not found for every write, and changes nothing', async () => {
    const foreign = await buildUser(t.database.db, otherCommitteeId, ['proposalStaff'], {
      failedLogins: 5,
      lockedUntil: new Date(Date.now() + 600_000),
    });
    const [before] = await t.database.db.select().from(users).where(eq(users.id, foreign.id));
    for (const [method, url, payload] of [
      ['PATCH', `/api/accounts/${foreign.id}`, { displayName: '改名', disabled: true }],
      ['POST', `/api/accounts/${foreign.id}/reset-password`, undefined],
      ['POST', `/api/accounts/${foreign.id}/unlock`, undefined],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: as(admin), payload });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().message).toBe('账号不存在或无权查看');
    }
    const [after] = await t.database.db.select().from(users).where(eq(users.id, foreign.id));
    expect(after).toEqual(before);
  });

  it('refuses malformed ids and reading single accounts by other roles', async () => {
    for (const [method, url] of [
      ['PATCH', '/api/accounts/x'],
      ['POST', '/api/accounts/-1/reset-password'],
      ['POST', '/api/accounts/1.5/unlock'],
    ] as const) {
      const res = await t.app.inject({
        method,
        url,
        headers: as(admin),
        payload: method === 'PATCH' ? { displayName: '甲' } : undefined,
      });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    const leader = await signedInUser(t.app, t.committeeId, ['leader']);
    const res = await injectAs(t, leader, 'GET', `/api/accounts/${admin.userId}`);
    expect(res.statusCode).toBe(403);
  });
});
