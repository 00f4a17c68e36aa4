import { eq } from 'drizzle-orm';
import type { MatrixEntry } from '../../../test/matrix';
import { buildUnit, buildUser } from '../../../test/factories';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';

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

export const matrix: MatrixEntry[] = [
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
