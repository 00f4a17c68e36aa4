import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { OpinionFormOptions } from '@cppcc/shared';
import { committees, organisationProposers, units } from '../../db/schema';
import type { ServiceContext } from '../../lib/actor';
import { getSettings } from '../../lib/settings';

/** What the opinion forms offer: the committee's categories, limit and series; the organisations the caller convenes. */
export async function opinionFormOptions(ctx: ServiceContext): Promise<OpinionFormOptions> {
  const { actor } = ctx;
  const settings = await getSettings(ctx.db, actor.committeeId);
  const organisations =
    actor.memberId === null
      ? []
      : await ctx.db
          .select({ id: organisationProposers.id, name: organisationProposers.name })
          .from(organisationProposers)
          .where(
            and(
              eq(organisationProposers.committeeId, actor.committeeId),
              eq(organisationProposers.convenerMemberId, actor.memberId),
            ),
          )
          .orderBy(asc(organisationProposers.name));
  const unitRows = await ctx.db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.committeeId, actor.committeeId), eq(units.active, true)))
    .orderBy(asc(units.name));
  const parentCommittee = alias(committees, 'parent');
  const [parent] = await ctx.db
    .select({ name: parentCommittee.name })
    .from(committees)
    .innerJoin(parentCommittee, eq(parentCommittee.id, committees.parentId))
    .where(eq(committees.id, actor.committeeId));
  return {
    categories: settings.opinionCategories,
    contentLimit: settings.opinionContentLimit,
    series: settings.opinionSeries,
    organisations,
    units: unitRows,
    parentCommitteeName: parent?.name ?? null,
  };
}
