import type { Role } from '@cppcc/shared';
import type { AppConfig } from '../env';
import type { DbOrTx } from '../db/client';

/** The signed-in user as every use case sees it. */
export interface Actor {
  userId: number;
  committeeId: number;
  displayName: string;
  roles: Role[];
  memberId: number | null;
  staffId: number | null;
  unitId: number | null;
  ip: string | null;
}

/** The actor of a user row: the fields every use case reads, and the address the request came from. */
export const actorOfUser = (
  user: Pick<Actor, 'committeeId' | 'displayName' | 'roles' | 'memberId' | 'staffId' | 'unitId'> & {
    id: number;
  },
  ip: string | null,
): Actor => ({
  userId: user.id,
  committeeId: user.committeeId,
  displayName: user.displayName,
  roles: user.roles,
  memberId: user.memberId,
  staffId: user.staffId,
  unitId: user.unitId,
  ip,
});

/** What a use case receives: the database (or the open transaction), the actor and the configuration. */
export interface ServiceContext {
  db: DbOrTx;
  actor: Actor;
  config: AppConfig;
}

export const hasRole = (actor: Actor, ...roles: Role[]) => roles.some((r) => actor.roles.includes(r));

/** The role recorded in audit and timeline entries: the first non-member role, else member. */
export const primaryRole = (actor: Actor): Role =>
  actor.roles.find((r) => r !== 'member') ?? actor.roles[0] ?? 'member';
