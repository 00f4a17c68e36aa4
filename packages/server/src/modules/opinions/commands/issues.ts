import { and, eq, inArray, max, ne } from 'drizzle-orm';
import { formatDay, formatIssueNumber, type CreateIssueInput } from '@cppcc/shared';
import type { DbOrTx } from '../../../db/client';
import { committees, opinionIssueArticles, opinionIssues, opinionLedger, opinions } from '../../../db/schema';
import type { ServiceContext } from '../../../lib/actor';
import { writeAudit } from '../../../lib/audit';
import { conflict, invalidField, notFound } from '../../../lib/errors';
import { authorize, collectionOf } from '../../../lib/policy';
import { getSettings } from '../../../lib/settings';
import { reportOpinion } from './report';

export type IssueRow = typeof opinionIssues.$inferSelect;

/** Adopted articles of the committee not yet in another issue; anything else is refused by id. */
async function checkArticles(db: DbOrTx, committeeId: number, ids: number[], issueId: number | null) {
  const rows = await db
    .select({ id: opinions.id, state: opinions.state, title: opinions.title })
    .from(opinions)
    .where(and(eq(opinions.committeeId, committeeId), inArray(opinions.id, ids)));
  // Another committee's id, or one the staff may not see, is not there at all.
  if (rows.length < ids.length || rows.some((r) => r.state === 'draft' || r.state === 'withdrawn'))
    throw notFound('社情民意信息');
  const notAdopted = ids.filter((id) => !rows.some((r) => r.id === id && r.state === 'adopted'));
  if (notAdopted.length > 0)
    throw invalidField('body.articleIds', `只能编入已采用的信息（编号 ${notAdopted.join('、')} 不是）`);
  const elsewhere = await db
    .select({ opinionId: opinionIssueArticles.opinionId, issueId: opinionIssueArticles.issueId })
    .from(opinionIssueArticles)
    .where(
      and(
        inArray(opinionIssueArticles.opinionId, ids),
        issueId === null ? undefined : ne(opinionIssueArticles.issueId, issueId),
      ),
    );
  if (elsewhere.length > 0)
    throw invalidField(
      'body.articleIds',
      `信息已编入其他期刊（编号 ${[...new Set(elsewhere.map((e) => e.opinionId))].join('、')}）`,
    );
}

async function setArticles(db: DbOrTx, issue: IssueRow, ids: number[]) {
  await db.delete(opinionIssueArticles).where(eq(opinionIssueArticles.issueId, issue.id));
  await db.insert(opinionIssueArticles).values(
    ids.map((opinionId, i) => ({
      committeeId: issue.committeeId,
      issueId: issue.id,
      opinionId,
      sortOrder: i,
    })),
  );
}

/** 编辑新一期: the next number of the series in its year; the articles must be adopted. */
export async function createIssue(ctx: ServiceContext, input: CreateIssueInput) {
  authorize(ctx.actor, 'edit', 'opinions', collectionOf(ctx.actor));
  return ctx.db.transaction(async (tx) => {
    const settings = await getSettings(tx, ctx.actor.committeeId);
    if (!settings.opinionSeries.includes(input.series))
      throw invalidField('body.series', `刊物应为：${settings.opinionSeries.join('、')}`);
    const year = input.year ?? Number(formatDay(new Date(), settings.timeZone).slice(0, 4));
    await checkArticles(tx, ctx.actor.committeeId, input.articleIds, null);
    // Numbering is per committee, series and year; the unique index settles two staff at once.
    const [last] = await tx
      .select({ n: max(opinionIssues.number) })
      .from(opinionIssues)
      .where(
        and(
          eq(opinionIssues.committeeId, ctx.actor.committeeId),
          eq(opinionIssues.series, input.series),
          eq(opinionIssues.year, year),
        ),
      );
    const [issue] = await tx
      .insert(opinionIssues)
      .values({
        committeeId: ctx.actor.committeeId,
        series: input.series,
        year,
        number: (last?.n ?? 0) + 1,
        reportTo: input.reportTo,
        copyTo: input.copyTo,
        reportToParent: input.reportToParent,
        compiledBy: ctx.actor.userId,
      })
      .returning();
    await setArticles(tx, issue!, input.articleIds);
    await writeAudit(tx, ctx.actor, {
      action: 'opinionIssue.create',
      targetType: 'opinionIssue',
      targetId: issue!.id,
      summary: `编辑《${issue!.series}》${formatIssueNumber(year, issue!.number)}`,
    });
    return issue!;
  });
}

async function lockIssue(db: DbOrTx, ctx: ServiceContext, id: number, version: number | undefined) {
  const [issue] = await db
    .select()
    .from(opinionIssues)
    .where(and(eq(opinionIssues.id, id), eq(opinionIssues.committeeId, ctx.actor.committeeId)))
    .for('update');
  if (!issue) throw notFound('期刊');
  if (version !== undefined && version !== issue.version) throw conflict('该期刊刚被他人修改，请刷新后查看');
  return issue;
}

export async function updateIssue(
  ctx: ServiceContext,
  id: number,
  input: Partial<Pick<CreateIssueInput, 'articleIds' | 'reportTo' | 'copyTo' | 'reportToParent'>> & {
    version?: number;
  },
) {
  return ctx.db.transaction(async (tx) => {
    const issue = await lockIssue(tx, ctx, id, input.version);
    authorize(ctx.actor, 'update', 'opinionIssue', issue);
    if (input.articleIds) {
      await checkArticles(tx, issue.committeeId, input.articleIds, issue.id);
      await setArticles(tx, issue, input.articleIds);
    }
    const [updated] = await tx
      .update(opinionIssues)
      .set({
        ...(input.reportTo ? { reportTo: input.reportTo } : {}),
        ...(input.copyTo ? { copyTo: input.copyTo } : {}),
        ...(input.reportToParent !== undefined ? { reportToParent: input.reportToParent } : {}),
        version: issue.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(opinionIssues.id, issue.id))
      .returning();
    await writeAudit(tx, ctx.actor, {
      action: 'opinionIssue.update',
      targetType: 'opinionIssue',
      targetId: issue.id,
      summary: `修改《${issue.series}》${formatIssueNumber(issue.year, issue.number)}`,
    });
    return updated!;
  });
}

/** 印发: the issue is final; with 报送上级 set, each article not yet reported goes to the parent committee. */
export async function sendIssue(ctx: ServiceContext, id: number, input: { version?: number }) {
  return ctx.db.transaction(async (tx) => {
    const issue = await lockIssue(tx, ctx, id, input.version);
    authorize(ctx.actor, 'send', 'opinionIssue', issue);
    if (issue.reportToParent) {
      const [own] = await tx.select().from(committees).where(eq(committees.id, issue.committeeId));
      if (!own?.parentId) throw invalidField('body', '本级政协没有上级政协，请取消“报送上级政协”');
      const [parent] = await tx.select().from(committees).where(eq(committees.id, own.parentId));
      const articles = await tx
        .select({ opinionId: opinionIssueArticles.opinionId })
        .from(opinionIssueArticles)
        .where(eq(opinionIssueArticles.issueId, issue.id))
        .orderBy(opinionIssueArticles.sortOrder);
      for (const { opinionId } of articles) {
        const [reported] = await tx
          .select({ id: opinionLedger.id })
          .from(opinionLedger)
          .where(
            and(
              eq(opinionLedger.opinionId, opinionId),
              eq(opinionLedger.level, parent!.level),
              eq(opinionLedger.event, 'reported'),
            ),
          );
        if (!reported)
          await reportOpinion({ ...ctx, db: tx }, opinionId, {
            target: 'parent',
            note: `随《${issue.series}》${formatIssueNumber(issue.year, issue.number)}报送`,
          });
      }
    }
    const now = new Date();
    const [updated] = await tx
      .update(opinionIssues)
      .set({ state: 'sent', sentAt: now, version: issue.version + 1, updatedAt: now })
      .where(eq(opinionIssues.id, issue.id))
      .returning();
    await writeAudit(tx, ctx.actor, {
      action: 'opinionIssue.send',
      targetType: 'opinionIssue',
      targetId: issue.id,
      summary: `印发《${issue.series}》${formatIssueNumber(issue.year, issue.number)}`,
    });
    return updated!;
  });
}
