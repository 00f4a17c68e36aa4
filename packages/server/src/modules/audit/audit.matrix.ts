import type { MatrixEntry } from '../../../test/matrix';
import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema';

/** An audit entry of committee B with a unique summary that must never show in committee A's log. */
async function foreignEntry(db: Db, committeeBId: number) {
  const marker = `外委审计${Math.random().toString(36).slice(2, 10)}`;
  await db
    .insert(auditLog)
    .values({ committeeId: committeeBId, action: 'account.update', summary: marker, actorName: marker });
  return marker;
}

export const matrix: MatrixEntry[] = [
  {
    route: 'GET /api/audit-log',
    crossCommittee: {
      roles: ['auditAdmin'],
      async foreign(db, b) {
        const marker = await foreignEntry(db, b);
        return {
          url: `/api/audit-log?actor=${encodeURIComponent(marker)}&pageSize=200`,
          mustNotContain: marker,
        };
      },
    },
  },
  {
    route: 'GET /api/audit-log/export',
    crossCommittee: {
      roles: ['auditAdmin'],
      // The workbook is zipped, so the marker is checked in the unzipped sheet by audit.test.ts; here the
      // refusal shows as an export without committee B's entries (the compressed bytes never hold it).
      async foreign(db, b) {
        const marker = await foreignEntry(db, b);
        return { url: `/api/audit-log/export?actor=${encodeURIComponent(marker)}`, mustNotContain: marker };
      },
    },
  },
];
