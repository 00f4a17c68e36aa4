import { and, count, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import {
  opinionForwardings,
  opinionInstructions,
  opinionIssueArticles,
  opinionIssues,
  opinionLedger,
  opinionVersions,
  opinions,
} from '../../../db/schema';
import { conflict, invalidField } from '../../../lib/errors';
import { notifyMembers } from '../../../lib/recipients';
import { accessOf, type OpinionRow } from '../access';
import { authorize } from '../../../lib/policy';
import { committeeLevel, recordLedgerEvent, revokeLedgerEvent } from '../ledger';
import { opinionCommand, opinionWorkflow, type OpinionStep } from '../workflow';

/** Keeps the submitted text as version 0 before the first edit, so every edit can be compared with it. */
async function keepSubmittedText(db: DbOrTx, record: OpinionRow) {
  await db
    .insert(opinionVersions)
    .values({
      committeeId: record.committeeId,
      opinionId: record.id,
      number: 0,
      title: record.title,
      content: record.content,
      editorId: record.submittedBy,
      editorName: '报送原文',
    })
    .onConflictDoNothing();
}

/** 开始编辑: the staff member takes the opinion; the submitter can no longer withdraw it. */
export const startEditing = opinionCommand('startEditing', async ({ tx, ctx, record }) => {
  await keepSubmittedText(tx, record);
  return { patch: { editorId: ctx.actor.userId } };
});

/** 保存编辑稿: a new version of the wording; the submitted text stays as it was. */
export const saveEdit = opinionCommand(
  'saveEdit',
  async ({ tx, ctx, record, settings }, input: { title: string; content: string; note?: string }) => {
    if ([...input.content].length > settings.opinionContentLimit)
      throw invalidField('body.content', `编辑稿不超过 ${settings.opinionContentLimit} 个字`);
    await keepSubmittedText(tx, record);
    const [last] = await tx
      .select({ number: opinionVersions.number })
      .from(opinionVersions)
      .where(eq(opinionVersions.opinionId, record.id))
      .orderBy(desc(opinionVersions.number))
      .limit(1);
    const number = (last?.number ?? 0) + 1;
    await tx.insert(opinionVersions).values({
      committeeId: record.committeeId,
      opinionId: record.id,
      number,
      title: input.title,
      content: input.content,
      editorId: ctx.actor.userId,
      editorName: ctx.actor.displayName,
      note: input.note || null,
    });
    return {
      patch: { editedTitle: input.title, editedContent: input.content, editorId: ctx.actor.userId },
      note: `第 ${number} 稿${input.note ? `：${input.note}` : ''}`,
    };
  },
);

async function adoptHere(step: OpinionStep, kind: 'single' | 'combined', note?: string) {
  const { tx, ctx, record, now } = step;
  const adopted = { ...record, adoptionKind: kind };
  await recordLedgerEvent(tx, adopted, {
    event: 'adopted',
    level: await committeeLevel(tx, record.committeeId),
    atCommitteeId: record.committeeId,
    note: note || null,
    occurredAt: now,
  });
  return { patch: { adoptionKind: kind, decidedAt: now, editorId: ctx.actor.userId }, note: note || null };
}

/** 单篇采用. */
export const adoptOpinion = opinionCommand('adopt', async (step, input: { note?: string }) => {
  await keepSubmittedText(step.tx, step.record);
  return adoptHere(step, 'single', input.note);
});

/** 综合采用: this opinion becomes the article; the others are combined into it and their authors credited. */
export const combineOpinions = opinionCommand(
  'combine',
  async (step, input: { otherOpinionIds: number[]; note?: string }) => {
    const { record } = step;
    if (input.otherOpinionIds.includes(record.id))
      throw invalidField('body.otherOpinionIds', '不能把本篇综合到自己');
    await keepSubmittedText(step.tx, record);
    for (const otherId of input.otherOpinionIds) {
      // A draft of someone else is not there for the staff: not found, as when opened by id.
      const other = await opinionWorkflow.lock(step.tx, record.committeeId, otherId);
      authorize(step.ctx.actor, 'edit', 'opinion', await accessOf(step.tx, other));
      await opinionWorkflow.run(
        step.ctx,
        { id: otherId, command: 'absorb', consequence: true },
        async () => ({
          patch: { combinedIntoId: record.id, decidedAt: step.now },
          note: `综合到“${record.title}”`,
        }),
      );
    }
    return adoptHere(step, 'combined', input.note ?? `综合 ${input.otherOpinionIds.length + 1} 篇信息`);
  },
);

/** 留存，未采用. */
export const archiveOpinion = opinionCommand('archive', async ({ ctx, now }, input: { reason?: string }) => ({
  patch: { archiveReason: input.reason || null, decidedAt: now, editorId: ctx.actor.userId },
  note: input.reason || null,
}));

/** 退回修改 with comments; the author revises and reports it again. */
export const returnOpinion = opinionCommand(
  'return',
  async ({ tx, record, access }, input: { comment: string }) => {
    if (record.submitterType === 'report')
      throw invalidField('body.comment', '下级政协报送的信息不能退回修改，可以留存');
    await notifyMembers(
      tx,
      record.committeeId,
      [access.leadMemberId, ...access.coauthorMemberIds].filter((id): id is number => id !== null),
      {
        kind: 'opinion.returned',
        title: `社情民意信息被退回修改：${record.title}`,
        body: input.comment,
        link: `/opinions/${record.id}`,
      },
    );
    return { patch: { returnComment: input.comment }, note: input.comment };
  },
);

/**
 * 撤销采用或留存决定: back to editing. Refused once anything was built on the adoption — a report
 * upward, a sent issue, an instruction or a forwarded item — or when others were combined into it.
 */
export const reopenOpinion = opinionCommand('reopen', async ({ tx, record }, input: { reason: string }) => {
  if (record.state === 'adopted') {
    // One after another: inside a transaction the queries share one connection.
    const n = async (q: Promise<{ n: number }[]>) => (await q)[0]?.n ?? 0;
    const reports = await n(
      tx
        .select({ n: count() })
        .from(opinionLedger)
        .where(and(eq(opinionLedger.opinionId, record.id), eq(opinionLedger.event, 'reported'))),
    );
    const issues = await n(
      tx
        .select({ n: count() })
        .from(opinionIssueArticles)
        .innerJoin(opinionIssues, eq(opinionIssues.id, opinionIssueArticles.issueId))
        .where(and(eq(opinionIssueArticles.opinionId, record.id), eq(opinionIssues.state, 'sent'))),
    );
    const followUps =
      (await n(
        tx
          .select({ n: count() })
          .from(opinionInstructions)
          .where(eq(opinionInstructions.opinionId, record.id)),
      )) +
      (await n(
        tx.select({ n: count() }).from(opinionForwardings).where(eq(opinionForwardings.opinionId, record.id)),
      ));
    const absorbed = await n(
      tx.select({ n: count() }).from(opinions).where(eq(opinions.combinedIntoId, record.id)),
    );
    if (reports > 0) throw conflict('该信息已向上级报送，不能撤销采用');
    if (issues > 0) throw conflict('该信息已编入印发的期刊，不能撤销采用');
    if (followUps > 0) throw conflict('该信息已有领导批示或转办，不能撤销采用');
    if (absorbed > 0) throw conflict('综合采用的信息不能撤销采用');
    await revokeLedgerEvent(tx, record, 'adopted', await committeeLevel(tx, record.committeeId));
    await tx.delete(opinionIssueArticles).where(eq(opinionIssueArticles.opinionId, record.id));
  }
  return { patch: { adoptionKind: null, decidedAt: null, archiveReason: null }, note: input.reason };
});
