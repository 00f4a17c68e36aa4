import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  organisationOptionsQuerySchema,
  organisationOptionsSchema,
  type OrganisationOptions,
} from '@cppcc/shared';
import type { AppInstance } from '../../app';
import {
  contactPoints,
  memberGroups,
  organisationProposers,
  plenarySessions,
  sectors,
  specialCommittees,
  terms,
  units,
} from '../../db/schema';
import type { ServiceContext } from '../../lib/actor';
import { can, collectionOf } from '../../lib/policy';
import { serviceContext } from '../../lib/request-context';
import { documentedAs } from '../../lib/api-docs';

/**
 * The id/name lists of the form selects. Each list is included only when the viewer may list that
 * resource; lists with an `active` flag give active entries unless `all` is asked for.
 */
const doc = documentedAs('organisation');

export async function organisationOptions(ctx: ServiceContext, all: boolean): Promise<OrganisationOptions> {
  const { db, actor } = ctx;
  const committeeId = actor.committeeId;
  const allowed = (resource: string) => can(actor, 'list', resource, collectionOf(actor));
  const when = async <T>(resource: string, load: () => Promise<T[]>): Promise<T[]> =>
    allowed(resource) ? load() : [];
  const activeOnly = (column: AnyPgColumn): SQL | undefined => (all ? undefined : eq(column, true));
  // 界别 and 专委会 are lists of one shape, in their own order.
  const orderedList = (table: typeof sectors | typeof specialCommittees) =>
    db
      .select({ id: table.id, name: table.name })
      .from(table)
      .where(and(eq(table.committeeId, committeeId), activeOnly(table.active)))
      .orderBy(asc(table.sortOrder), asc(table.id));

  return {
    terms: await when('term', () =>
      db
        .select({ id: terms.id, name: terms.name })
        .from(terms)
        .where(eq(terms.committeeId, committeeId))
        .orderBy(asc(terms.number)),
    ),
    plenarySessions: await when('plenarySession', () =>
      db
        .select({ id: plenarySessions.id, name: plenarySessions.name, termId: plenarySessions.termId })
        .from(plenarySessions)
        .where(eq(plenarySessions.committeeId, committeeId))
        .orderBy(asc(plenarySessions.meetingStart)),
    ),
    sectors: await when('sector', () => orderedList(sectors)),
    specialCommittees: await when('specialCommittee', () => orderedList(specialCommittees)),
    memberGroups: await when('memberGroup', () =>
      db
        .select({ id: memberGroups.id, name: memberGroups.name })
        .from(memberGroups)
        .where(eq(memberGroups.committeeId, committeeId))
        .orderBy(asc(memberGroups.id)),
    ),
    contactPoints: await when('contactPoint', () =>
      db
        .select({ id: contactPoints.id, name: contactPoints.name, town: contactPoints.town })
        .from(contactPoints)
        .where(eq(contactPoints.committeeId, committeeId))
        .orderBy(asc(contactPoints.town), asc(contactPoints.id)),
    ),
    units: await when('unit', () =>
      db
        .select({ id: units.id, name: units.name })
        .from(units)
        .where(and(eq(units.committeeId, committeeId), activeOnly(units.active)))
        .orderBy(asc(units.id)),
    ),
    organisationProposers: await when('organisationProposer', async () => {
      const rows = await db
        .select({
          id: organisationProposers.id,
          name: organisationProposers.name,
          kind: organisationProposers.kind,
        })
        .from(organisationProposers)
        .where(eq(organisationProposers.committeeId, committeeId))
        .orderBy(asc(organisationProposers.id));
      return rows as OrganisationOptions['organisationProposers'];
    }),
  };
}

export async function optionsRoutes(app: AppInstance) {
  app.get(
    '/organisation/options',
    doc('表单选项（届次、会议、界别、专委会、小组、联系点、承办单位、党派团体）', {
      querystring: organisationOptionsQuerySchema,
      response: { 200: organisationOptionsSchema },
    }),
    async (req) => organisationOptions(serviceContext(req), req.query.all ?? false),
  );
}
