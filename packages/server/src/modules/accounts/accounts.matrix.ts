import { eq } from 'drizzle-orm';
import type { MatrixEntry } from '../../../test/matrix';
import { buildUnit, buildUser } from '../../../test/factories';
import type { Db } from '../../db/client';
import { accountApprovals, users } from '../../db/schema';

const roles = ['securityAdmin'] as const;
const foreignUser = async (db: Db, committeeBId: number) => {
  const user = await buildUser(db, committeeBId, ['proposalStaff'], {
    displayName: `外委账号${Math.random().toString(36).slice(2, 8)}`,
    lockedUntil: new Date(Date.now() + 600_000),
    failedLogins: 5,
  });
  const snapshot = async (d: Db) => (await d.select().from(users).where(eq(users.id, user.id)))[0];
  return { user, snapshot };
};

/** A pending request of committee B to reset its auditor's password. */
const foreignApproval = async (db: Db, committeeBId: number) => {
  const requester = await buildUser(db, committeeBId, ['securityAdmin']);
  const auditor = await buildUser(db, committeeBId, ['auditAdmin']);
  const summary = `重置外委审计员${Math.random().toString(36).slice(2, 8)}的密码`;
  const [row] = await db
    .insert(accountApprovals)
    .values({
      committeeId: committeeBId,
      kind: 'resetPassword',
      targetUserId: auditor.id,
      summary,
      requestedBy: requester.id,
    })
    .returning();
  const snapshot = async (d: Db) => ({
    approval: (await d.select().from(accountApprovals).where(eq(accountApprovals.id, row!.id)))[0],
    auditor: (await d.select().from(users).where(eq(users.id, auditor.id)))[0],
  });
  return { id: row!.id, summary, snapshot };
};
const approvers = ['sysAdmin'] as const;

export const matrix: MatrixEntry[] = [
  {
    route: 'GET /api/account-approvals',
    crossCommittee: {
      roles: [...approvers],
      async foreign(db, b) {
        const { summary } = await foreignApproval(db, b);
        return { url: '/api/account-approvals', mustNotContain: summary };
      },
    },
  },
  {
    route: 'POST /api/account-approvals/:id/approve',
    crossCommittee: {
      roles: [...approvers],
      async foreign(db, b) {
        const { id, snapshot } = await foreignApproval(db, b);
        return { url: `/api/account-approvals/${id}/approve`, payload: {}, snapshot };
      },
    },
  },
  {
    route: 'POST /api/account-approvals/:id/reject',
    crossCommittee: {
      roles: [...approvers],
      async foreign(db, b) {
        const { id, snapshot } = await foreignApproval(db, b);
        return { url: `/api/account-approvals/${id}/reject`, payload: { note: '跨委员会' }, snapshot };
      },
    },
  },
  {
    route: 'GET /api/accounts',
    crossCommittee: {
      roles: [...roles],
      async foreign(db, b) {
        const { user } = await foreignUser(db, b);
        return {
          url: `/api/accounts?q=${encodeURIComponent(user.displayName)}`,
          mustNotContain: user.displayName,
        };
      },
    },
  },
  {
    route: 'GET /api/accounts/:id',
    crossCommittee: {
      roles: [...roles],
      async foreign(db, b) {
        const { user } = await foreignUser(db, b);
        return { url: `/api/accounts/${user.id}` };
      },
    },
  },
  {
    route: 'POST /api/accounts',
    crossCommittee: {
      roles: [...roles],
      // Linking a member/unit of another committee is refused; nothing is created.
      async foreign(db, b) {
        const unit = await buildUnit(db, b);
        const username = `x${Math.random().toString(36).slice(2, 10)}`;
        return {
          url: '/api/accounts',
          payload: { username, displayName: '跨委员会', roles: ['unitHandler'], unitId: unit.id },
          mustNotContain: username,
          snapshot: async (d) => (await d.select().from(users).where(eq(users.username, username))).length,
        };
      },
    },
  },
  {
    route: 'PATCH /api/accounts/:id',
    crossCommittee: {
      roles: [...roles],
      async foreign(db, b) {
        const { user, snapshot } = await foreignUser(db, b);
        return {
          url: `/api/accounts/${user.id}`,
          payload: { displayName: '被改名', disabled: true },
          snapshot,
        };
      },
    },
  },
  {
    route: 'POST /api/accounts/:id/reset-password',
    crossCommittee: {
      roles: [...roles],
      async foreign(db, b) {
        const { user, snapshot } = await foreignUser(db, b);
        return { url: `/api/accounts/${user.id}/reset-password`, snapshot };
      },
    },
  },
  {
    route: 'POST /api/accounts/:id/unlock',
    crossCommittee: {
      roles: [...roles],
      async foreign(db, b) {
        const { user, snapshot } = await foreignUser(db, b);
        return { url: `/api/accounts/${user.id}/unlock`, snapshot };
      },
    },
  },
];
