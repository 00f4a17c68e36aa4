import { eq } from 'drizzle-orm';
import { defaultSettings } from '@cppcc/shared';
import type { MatrixEntry } from '../../../test/matrix';
import type { Db } from '../../db/client';
import { committees } from '../../db/schema';

/** Gives committee B a proposal category that must never appear in committee A's settings. */
async function markForeign(db: Db, committeeBId: number) {
  const marker = `外委类别${Math.random().toString(36).slice(2, 8)}`;
  await db
    .update(committees)
    .set({ settings: { proposalCategories: [marker] } })
    .where(eq(committees.id, committeeBId));
  const snapshot = async (d: Db) =>
    (await d.select().from(committees).where(eq(committees.id, committeeBId)))[0]?.settings;
  return { marker, snapshot };
}

export const matrix: MatrixEntry[] = [
  {
    route: 'GET /api/settings',
    crossCommittee: {
      roles: ['sysAdmin'],
      async foreign(db, b) {
        const { marker } = await markForeign(db, b);
        return { url: '/api/settings', mustNotContain: marker };
      },
    },
  },
  {
    route: 'PUT /api/settings',
    crossCommittee: {
      roles: ['sysAdmin'],
      // Saving writes the caller's own committee only: committee B's settings stay as they were.
      async foreign(db, b) {
        const { marker, snapshot } = await markForeign(db, b);
        return {
          url: '/api/settings',
          payload: { ...defaultSettings, rehandleLimit: 2 },
          mustNotContain: marker,
          snapshot,
        };
      },
    },
  },
];
