import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import {
  formatIssueNumber,
  opinionIssueStateLabels,
  type ListQuery,
  type OpinionIssueDto,
} from '@cppcc/shared';
import { committees, opinionIssueArticles, opinionIssues, opinions, users } from '../../db/schema';
import type { ServiceContext } from '../../lib/actor';
import { outer } from '../../lib/json-rows';
import { notFound } from '../../lib/errors';
import { orderBy, pageOffset, toPage } from '../../lib/list';
import { authorize, can, collectionOf, presentPolicies } from '../../lib/policy';
import type { IssueRow } from './commands/issues';
import { authorNames } from './loader';
import { periodConditions } from '../../lib/where';
import { getSettings } from '../../lib/settings';

/** 《社情民意》2024年第12期 */
export const issueLabel = (i: Pick<IssueRow, 'series' | 'year' | 'number'>) =>
  `《${i.series}》${formatIssueNumber(i.year, i.number)}`;

/** Who an article is credited to in an issue: its authors and those combined into it, or the reporting committee. */
const contributorsOf = sql<string[]>`(
  select coalesce(jsonb_agg(distinct n), '[]'::jsonb) from (
    select jsonb_array_elements_text(${authorNames(outer(opinions.id))}) as n
    union all select jsonb_array_elements_text(${authorNames(sql`c.id`)}) from ${opinions} c where c.combined_into_id = ${outer(opinions.id)}
    union all select name from ${committees} where id = ${outer(opinions.sourceCommitteeId)}) names)`;

export async function loadIssueArticles(ctx: ServiceContext, issueId: number) {
  return ctx.db
    .select({
      id: opinions.id,
      title: sql<string>`coalesce(${outer(opinions.editedTitle)}, ${outer(opinions.title)})`,
      content: sql<string>`coalesce(${outer(opinions.editedContent)}, ${outer(opinions.content)})`,
      category: opinions.category,
      contributors: contributorsOf.mapWith((v) => v as string[]),
    })
    .from(opinionIssueArticles)
    .innerJoin(opinions, eq(opinions.id, opinionIssueArticles.opinionId))
    .where(
      and(
        eq(opinionIssueArticles.issueId, issueId),
        eq(opinionIssueArticles.committeeId, ctx.actor.committeeId),
      ),
    )
    .orderBy(asc(opinionIssueArticles.sortOrder));
}

export async function loadIssue(ctx: ServiceContext, id: number) {
  const [row] = await ctx.db
    .select({ issue: opinionIssues, compiledBy: users.displayName })
    .from(opinionIssues)
    .innerJoin(users, eq(users.id, opinionIssues.compiledBy))
    .where(and(eq(opinionIssues.id, id), eq(opinionIssues.committeeId, ctx.actor.committeeId)));
  if (!row) throw notFound('期刊');
  authorize(ctx.actor, 'read', 'opinionIssue', row.issue);
  return row;
}

export async function readIssue(ctx: ServiceContext, id: number): Promise<OpinionIssueDto> {
  const { issue, compiledBy } = await loadIssue(ctx, id);
  const articles = await loadIssueArticles(ctx, id);
  return {
    ...presentIssueHead(ctx, issue, compiledBy),
    articles: articles.map(({ id: articleId, title, category, contributors }) => ({
      id: articleId,
      title,
      category,
      contributors,
    })),
  };
}

function presentIssueHead(ctx: ServiceContext, issue: IssueRow, compiledBy: string) {
  const state = issue.state as 'draft' | 'sent';
  return {
    id: issue.id,
    series: issue.series,
    year: issue.year,
    number: issue.number,
    label: issueLabel(issue),
    state,
    stateLabel: opinionIssueStateLabels[state],
    reportTo: issue.reportTo,
    copyTo: issue.copyTo,
    reportToParent: issue.reportToParent,
    compiledBy,
    createdAt: issue.createdAt.toISOString(),
    sentAt: issue.sentAt?.toISOString() ?? null,
    version: issue.version,
    policies: presentPolicies(ctx.actor, 'opinionIssue', issue),
  };
}

/** Issues of the committee, newest first; staff see drafts too, leaders the sent ones. */
export async function listIssues(
  ctx: ServiceContext,
  query: ListQuery & { series?: string; year?: number; quarter?: number; state?: 'draft' | 'sent' },
) {
  const settings = await getSettings(ctx.db, ctx.actor.committeeId);
  authorize(ctx.actor, 'overview', 'opinions', collectionOf(ctx.actor));
  const staff = can(ctx.actor, 'edit', 'opinions', collectionOf(ctx.actor));
  const where = and(
    eq(opinionIssues.committeeId, ctx.actor.committeeId),
    staff ? undefined : eq(opinionIssues.state, 'sent'),
    query.series ? eq(opinionIssues.series, query.series) : undefined,
    query.year ? eq(opinionIssues.year, query.year) : undefined,
    query.state ? eq(opinionIssues.state, query.state) : undefined,
    // A quarter is the one the issue was sent in.
    ...(query.quarter
      ? periodConditions(opinionIssues.sentAt, { quarter: query.quarter }, settings.timeZone)
      : []),
  );
  const rows = await ctx.db
    .select({
      issue: opinionIssues,
      compiledBy: users.displayName,
      articleCount: sql<number>`(select count(*)::int from ${opinionIssueArticles} where ${opinionIssueArticles.issueId} = ${outer(opinionIssues.id)})`,
    })
    .from(opinionIssues)
    .innerJoin(users, eq(users.id, opinionIssues.compiledBy))
    .where(where)
    .orderBy(
      query.sort
        ? orderBy(
            query,
            {
              createdAt: opinionIssues.createdAt,
              number: opinionIssues.number,
              series: opinionIssues.series,
            },
            opinionIssues.createdAt,
          )
        : desc(opinionIssues.year),
      desc(opinionIssues.createdAt),
      desc(opinionIssues.id),
    )
    .limit(query.pageSize)
    .offset(pageOffset(query));
  const [total] = await ctx.db.select({ n: count() }).from(opinionIssues).where(where);
  return toPage(
    rows.map((r) => ({ ...presentIssueHead(ctx, r.issue, r.compiledBy), articleCount: r.articleCount })),
    total?.n ?? 0,
    query,
  );
}
