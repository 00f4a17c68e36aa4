import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { passwordProblem } from '@cppcc/shared';
import { as, createTestApp, signIn, type Session, type TestContext } from '../../../test/harness';
import { buildCommittee, buildUser, signedInUser, testPassword } from '../../../test/factories';
import { resetPasswordFromCommandLine } from './command-line';
import { accountApprovals, auditLog, notifications, sessions, users } from '../../db/schema';

/**
 * 三员分立: no single administrator obtains another administrator role's powers. The attacks of the
 * security review: the security administrator creates an audit account and signs in with its
 * one-time password, or resets the real auditor's password and signs in as the auditor.
 */
let t: TestContext;
let committeeId: number;
let security: Awaited<ReturnType<typeof signedInUser>>;
let secondSecurity: Awaited<ReturnType<typeof signedInUser>>;
let system: Awaited<ReturnType<typeof signedInUser>>;
let auditor: Awaited<ReturnType<typeof signedInUser>>;
beforeAll(async () => {
  t = await createTestApp();
  committeeId = (await buildCommittee(t.database.db)).id;
  security = await signedInUser(t.app, committeeId, ['securityAdmin'], { displayName: '安全员甲' });
  secondSecurity = await signedInUser(t.app, committeeId, ['securityAdmin'], { displayName: '安全员乙' });
  system = await signedInUser(t.app, committeeId, ['sysAdmin'], { displayName: '系统员' });
  auditor = await signedInUser(t.app, committeeId, ['auditAdmin'], { displayName: '审计员' });
});
afterAll(() => t?.close());

const inject = (session: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: as(session), payload: payload as Record<string, unknown> });
const auditOf = async (action: string, targetId: number) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, String(targetId))))
    .orderBy(desc(auditLog.id));
const notificationsOf = (userId: number, kind: string) =>
  t.database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));

describe('an administrator account needs a second administrator', () => {
  it('creating an audit account is only a request: no account, no password, until another administrator approves', async () => {
    const req = await inject(security, 'POST', '/api/accounts', {
      username: 'shadow.auditor',
      displayName: '影子审计员',
      roles: ['auditAdmin'],
    });
    expect(req.statusCode, req.body).toBe(202);
    const { pendingApproval } = req.json();
    expect(pendingApproval).toMatchObject({ kind: 'create', status: 'pending', requestedByName: '安全员甲' });
    expect(req.body).not.toContain('initialPassword');
    expect(await t.database.db.select().from(users).where(eq(users.username, 'shadow.auditor'))).toHaveLength(
      0,
    );
    const requested = await auditOf('account.approvalRequested', pendingApproval.id);
    expect(requested[0]).toMatchObject({ actorId: security.userId });
    // The other administrators are told; the requester is not asked to approve their own request.
    expect(await notificationsOf(system.userId, 'account.approvalRequested')).toHaveLength(1);
    expect(await notificationsOf(security.userId, 'account.approvalRequested')).toHaveLength(0);

    const own = await inject(security, 'POST', `/api/account-approvals/${pendingApproval.id}/approve`, {});
    expect(own.statusCode).toBe(403);
    expect(own.json().message).toBe('不能审批自己提出的申请，请由另一位管理员审批');
    for (const s of [auditor, await signedInUser(t.app, committeeId, ['leader'])]) {
      expect((await inject(s, 'GET', '/api/account-approvals')).statusCode).toBe(403);
      expect(
        (await inject(s, 'POST', `/api/account-approvals/${pendingApproval.id}/approve`, {})).statusCode,
      ).toBe(403);
    }

    const list = await inject(system, 'GET', '/api/account-approvals');
    expect(list.json().items.map((a: { id: number }) => a.id)).toContain(pendingApproval.id);
    expect(
      list.json().items.find((a: { id: number }) => a.id === pendingApproval.id).policies.canDecide,
    ).toBe(true);

    const approved = await inject(system, 'POST', `/api/account-approvals/${pendingApproval.id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    const { account, initialPassword, approval } = approved.json();
    expect(approval).toMatchObject({ status: 'approved', decidedByName: '系统员' });
    expect(account).toMatchObject({
      username: 'shadow.auditor',
      roles: ['auditAdmin'],
      mustChangePassword: true,
    });
    expect(passwordProblem(initialPassword)).toBeNull();
    const [created] = await auditOf('account.create', account.id);
    expect(created).toMatchObject({ actorId: system.userId });
    expect(created!.summary).toContain('申请人：安全员甲，批准人：系统员');
    expect(created!.changes).toMatchObject({
      approval: { requestedBy: { id: security.userId }, approvedBy: { id: system.userId } },
    });
    expect(JSON.stringify(created)).not.toContain(initialPassword);
    expect(await notificationsOf(account.id, 'account.adminChangeApproved')).toHaveLength(1);
    expect(await notificationsOf(security.userId, 'account.approvalDecided')).toHaveLength(1);
    await signIn(t.app, 'shadow.auditor', initialPassword);

    const again = await inject(system, 'POST', `/api/account-approvals/${pendingApproval.id}/approve`, {});
    expect(again.statusCode).toBe(409);
  });

  it('resetting the auditor’s password waits; the auditor keeps signing in; another security administrator approves', async () => {
    const req = await inject(security, 'POST', `/api/accounts/${auditor.userId}/reset-password`);
    expect(req.statusCode, req.body).toBe(202);
    expect(req.body).not.toContain('initialPassword');
    const id = req.json().pendingApproval.id;
    // Nothing happened yet: the old password works and the auditor's session is alive.
    await signIn(t.app, auditor.user.username, testPassword);
    expect((await inject(auditor, 'GET', '/api/auth/me')).statusCode).toBe(200);

    const twice = await inject(security, 'POST', `/api/accounts/${auditor.userId}/reset-password`);
    expect(twice.statusCode).toBe(409);

    const approved = await inject(secondSecurity, 'POST', `/api/account-approvals/${id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    const { initialPassword } = approved.json();
    expect((await inject(auditor, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { login: auditor.user.username, password: testPassword },
        })
      ).statusCode,
    ).toBe(401);
    await signIn(t.app, auditor.user.username, initialPassword);
    const [reset] = await auditOf('account.resetPassword', auditor.userId);
    expect(reset).toMatchObject({ actorId: secondSecurity.userId });
    expect(reset!.summary).toContain('申请人：安全员甲，批准人：安全员乙');
    const told = await notificationsOf(auditor.userId, 'account.adminChangeApproved');
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toContain('由安全员甲申请、安全员乙批准');
  });

  it('adding an administrator role or enabling an administrator waits; disabling and renaming do not', async () => {
    const leader = await buildUser(t.database.db, committeeId, ['leader']);
    const grant = await inject(security, 'PATCH', `/api/accounts/${leader.id}`, { roles: ['sysAdmin'] });
    expect(grant.statusCode, grant.body).toBe(202);
    const [afterGrant] = await t.database.db.select().from(users).where(eq(users.id, leader.id));
    expect(afterGrant!.roles).toEqual(['leader']);

    const disabledAdmin = await buildUser(t.database.db, committeeId, ['sysAdmin'], { disabled: true });
    const enable = await inject(security, 'PATCH', `/api/accounts/${disabledAdmin.id}`, { disabled: false });
    expect(enable.statusCode).toBe(202);
    const rejected = await inject(
      system,
      'POST',
      `/api/account-approvals/${enable.json().pendingApproval.id}/reject`,
      {
        note: '未经书面审批',
      },
    );
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json().approval).toMatchObject({ status: 'rejected', decisionNote: '未经书面审批' });
    const [stillDisabled] = await t.database.db.select().from(users).where(eq(users.id, disabledAdmin.id));
    expect(stillDisabled!.disabled).toBe(true);
    expect((await auditOf('account.approvalRejected', enable.json().pendingApproval.id))[0]).toMatchObject({
      actorId: system.userId,
    });

    const approveGrant = await inject(
      system,
      'POST',
      `/api/account-approvals/${grant.json().pendingApproval.id}/approve`,
      {},
    );
    expect(approveGrant.statusCode, approveGrant.body).toBe(200);
    // The role comes with new credentials, shown to the approver: whoever knew the old password loses it.
    expect(approveGrant.json()).toMatchObject({ account: { roles: ['sysAdmin'], mustChangePassword: true } });
    const granted = approveGrant.json().initialPassword;
    expect(passwordProblem(granted)).toBeNull();
    const oldPassword = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: leader.username, password: testPassword },
    });
    expect(oldPassword.statusCode).toBe(401);
    await signIn(t.app, leader.username, granted);

    const rename = await inject(security, 'PATCH', `/api/accounts/${auditor.userId}`, {
      displayName: '审计员丙',
    });
    expect(rename.statusCode).toBe(200);
    const otherAdmin = await buildUser(t.database.db, committeeId, ['sysAdmin']);
    const disable = await inject(security, 'PATCH', `/api/accounts/${otherAdmin.id}`, { disabled: true });
    expect(disable.statusCode).toBe(200);
    expect(disable.json().disabled).toBe(true);
  });

  it('the administrator concerned cannot approve their own change', async () => {
    const toldBefore = (await notificationsOf(system.userId, 'account.approvalRequested')).length;
    const req = await inject(security, 'POST', `/api/accounts/${system.userId}/reset-password`);
    expect(req.statusCode).toBe(202);
    const id = req.json().pendingApproval.id;
    const self = await inject(system, 'POST', `/api/account-approvals/${id}/approve`, {});
    expect(self.statusCode).toBe(403);
    expect(self.json().message).toBe('不能审批与本人账号有关的申请');
    expect(await notificationsOf(system.userId, 'account.approvalRequested')).toHaveLength(toldBefore);
    const [row] = await t.database.db.select().from(accountApprovals).where(eq(accountApprovals.id, id));
    expect(row!.status).toBe('pending');
    expect(
      await t.database.db.select().from(sessions).where(eq(sessions.userId, system.userId)),
    ).not.toHaveLength(0);
  });

  it('the server’s command line resets an administrator’s password alone, audited without an actor', async () => {
    const { initialPassword } = await resetPasswordFromCommandLine(
      t.database.db,
      secondSecurity.user.username,
    );
    expect((await inject(secondSecurity, 'GET', '/api/auth/me')).statusCode).toBe(401);
    await signIn(t.app, secondSecurity.user.username, initialPassword);
    const [entry] = await auditOf('account.resetPassword', secondSecurity.userId);
    expect(entry).toMatchObject({ actorId: null, committeeId });
    expect(entry!.summary).toMatch(/^命令行：/);
    expect(await notificationsOf(secondSecurity.userId, 'account.adminChangeApproved')).toHaveLength(1);
  });
});
