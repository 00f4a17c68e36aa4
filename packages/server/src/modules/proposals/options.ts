import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { members, organisationProposers, plenarySessions, sectors, units, users } from '../../db/schema';
import type { ServiceContext } from '../../lib/actor';
import { authorize, can, collectionOf } from '../../lib/policy';
import { getSettings } from '../../lib/settings';
import { memberSearch } from '../organisation/member-search';
import { resolveSession } from './helpers';

/** What the proposal forms need: configured lists and limits, units, sessions, and the organisations the caller convenes. */
export async function proposalFormOptions(ctx: ServiceContext) {
  const { db, actor } = ctx;
  authorize(actor, 'read', 'proposals', collectionOf(actor));
  const settings = await getSettings(db, actor.committeeId);
  const [unitRows, sessionRows, orgRows] = await Promise.all([
    db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(and(eq(units.committeeId, actor.committeeId), eq(units.active, true)))
      .orderBy(asc(units.id)),
    db
      .select({
        id: plenarySessions.id,
        name: plenarySessions.name,
        submissionOpens: plenarySessions.submissionOpens,
        submissionCloses: plenarySessions.submissionCloses,
      })
      .from(plenarySessions)
      .where(eq(plenarySessions.committeeId, actor.committeeId))
      .orderBy(asc(plenarySessions.meetingStart)),
    actor.memberId === null
      ? Promise.resolve([])
      : db
          .select({
            id: organisationProposers.id,
            name: organisationProposers.name,
            kind: organisationProposers.kind,
          })
          .from(organisationProposers)
          .where(
            and(
              eq(organisationProposers.committeeId, actor.committeeId),
              eq(organisationProposers.convenerMemberId, actor.memberId),
            ),
          ),
  ]);
  const current = sessionRows.length
    ? await resolveSession(db, actor.committeeId, undefined, new Date())
    : null;
  return {
    categories: settings.proposalCategories,
    contentLimit: settings.proposalContentLimit,
    titleLimit: 60,
    rejectionGrounds: settings.rejectionGrounds,
    answerCategories: settings.answerCategories,
    maxExtensionMonths: settings.maxExtensionMonths,
    units: unitRows,
    sessions: sessionRows,
    currentSessionId: current?.id ?? null,
    organisationProposers: orgRows,
  };
}

/**
 * Members a proposer may invite to sign jointly: active members of the committee found by the people
 * search (name, pinyin, initials, sector, group), the best matches first. Names and sectors only.
 */
export async function coProposerCandidates(ctx: ServiceContext, q: string | undefined) {
  const { db, actor } = ctx;
  authorize(actor, 'create', 'proposals', collectionOf(actor));
  const search = memberSearch(q, { private: can(actor, 'readPrivate', 'member', collectionOf(actor)) });
  const rows = await db
    .select({ id: members.id, name: members.name, sector: sectors.name })
    .from(members)
    .innerJoin(sectors, eq(sectors.id, members.sectorId))
    .where(
      and(
        eq(members.committeeId, actor.committeeId),
        eq(members.status, 'active'),
        ne(members.id, actor.memberId ?? -1),
        search?.where,
      ),
    )
    .orderBy(...(search ? [search.rank] : []), asc(members.name), asc(members.id))
    .limit(30);
  return { items: rows };
}

/** Leaders who may supervise a key proposal (领衔督办): accounts of the committee with the leader or party-leader role. */
export async function supervisorCandidates(ctx: ServiceContext) {
  const { db, actor } = ctx;
  authorize(actor, 'overview', 'proposals', collectionOf(actor));
  const rows = await db
    .select({ userId: users.id, name: users.displayName, roles: users.roles })
    .from(users)
    .where(
      and(
        eq(users.committeeId, actor.committeeId),
        eq(users.disabled, false),
        sql`${users.roles} && array['leader', 'partyLeader']::text[]`,
      ),
    )
    .orderBy(asc(users.displayName));
  return {
    items: rows.map((r) => ({
      userId: r.userId,
      name: r.name,
      title: r.roles.includes('leader') ? '主席会议成员' : '党政领导',
    })),
  };
}
