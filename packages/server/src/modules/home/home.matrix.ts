import type { MatrixEntry } from '../../../test/matrix';
import { buildMember } from '../../../test/factories';
import { memberGroups } from '../../db/schema';

export const matrix: MatrixEntry[] = [
  {
    route: 'GET /api/home',
    crossCommittee: {
      roles: ['liaisonStaff', 'leader', 'member'],
      // Committee B's member groups (named cards items) must not appear on committee A's home page.
      async foreign(db, b) {
        const marker = `外委小组${Math.random().toString(36).slice(2, 8)}`;
        const [group] = await db.insert(memberGroups).values({ committeeId: b, name: marker }).returning();
        await buildMember(db, b, { groupId: group!.id });
        return { url: '/api/home', mustNotContain: marker };
      },
    },
  },
];
