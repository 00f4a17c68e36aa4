import type { FastifyRequest } from 'fastify';
import type { Role } from '@cppcc/shared';
import * as s from '../src/db/schema';
import type { Db } from '../src/db/client';
import { createSession } from '../src/lib/auth';
import { withNameSpelling } from '../src/modules/organisation/member-search';
import type { Session } from './harness';
import { testPasswordHash, uniquePhone } from './factories';

/** Members of a committee with accounts and sessions made directly (a plenary's worth, without 250 logins). */
export async function crowdOfMembers(
  db: Db,
  committeeId: number,
  termId: number,
  sectorId: number,
  n: number,
) {
  const rows = await db
    .insert(s.members)
    .values(
      Array.from({ length: n }, (_, i) =>
        withNameSpelling({
          committeeId,
          termId,
          sectorId,
          name: `委员${i + 1}`,
          gender: 'male' as const,
          ethnicity: '汉族',
          birthMonth: '1970-01',
          party: '群众',
          phone: uniquePhone(),
        }),
      ),
    )
    .returning({ id: s.members.id });
  const passwordHash = await testPasswordHash();
  const accounts = await db
    .insert(s.users)
    .values(
      rows.map((m, i) => ({
        committeeId,
        username: `crowd${committeeId}x${i}`,
        displayName: `委员${i + 1}`,
        passwordHash,
        roles: ['member' as Role],
        mustChangePassword: false,
        memberId: m.id,
      })),
    )
    .returning({ id: s.users.id, memberId: s.users.memberId });
  const request = { ip: '127.0.0.1', headers: {} } as FastifyRequest;
  const sessions: Session[] = [];
  for (const a of accounts) {
    const { token, csrfToken } = await createSession(db, a.id, request);
    sessions.push({ cookie: `cppcc_sid=${token}`, csrfToken, userId: a.id });
  }
  return { memberIds: rows.map((r) => r.id), sessions };
}
