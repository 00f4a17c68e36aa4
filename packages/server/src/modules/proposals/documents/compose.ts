import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import {
  formatProposalNumber,
  proposalStages,
  satisfactionLabels,
  type ProposalFilter,
  type SatisfactionBasis,
} from '@cppcc/shared';
import { proposals } from '../../../db/schema';
import type { ServiceContext } from '../../../lib/actor';
import { AppError, forbidden } from '../../../lib/errors';
import { can, collectionOf } from '../../../lib/policy';
import { getSettings } from '../../../lib/settings';
import { datedFileName, writeXlsx } from '../../../lib/xlsx';
import { levelOfRank, ratingRows } from '../figures/filters';
import { listProposals } from '../queries';
import { exportColumns, type ExportRatings } from './export';
import {
  activeUnitsOf,
  approvedAnswers,
  committeeAndSession,
  onlyReadable,
  proposalSheets,
  readableProposal,
} from './load';
import { answerLetterDocx, compilationDocx, proposalDocx, type AnswerLetter } from './word';

/** A generated file: what the route sends, under the name the user saves it as. */
import type { ComposedFile } from '../../../lib/word';

const exportLimit = 5000;
const exportPageSize = 500;

/** 提案 in the official layout. */
export async function composeProposalDocument(ctx: ServiceContext, id: number): Promise<ComposedFile> {
  const { db, actor } = ctx;
  const row = await readableProposal(db, actor, id);
  const meta = await committeeAndSession(db, actor.committeeId, row.sessionId);
  const [sheet] = await proposalSheets(db, [row]);
  const name = row.number ? `${formatProposalNumber(row.number)}提案` : `提案-${row.title.slice(0, 20)}`;
  return {
    fileName: `${name}.docx`,
    content: await proposalDocx(meta.officialName, meta.sessionName, sheet!),
  };
}

/** How an answer letter addresses its proposers: an organisation by name, one member, or the lead 等委员. */
export function answerSalutation(sheet: { proposers: string; leadName: string }) {
  if (sheet.proposers.includes('代表提交')) return sheet.proposers.replace(/（.*$/, '');
  return sheet.proposers.includes('、') ? `${sheet.leadName}等委员` : `${sheet.leadName}委员`;
}

/** 答复函: one letter per approved answer, addressed to the proposers and copied to the proposal committee. */
export async function composeAnswerLetters(ctx: ServiceContext, id: number): Promise<ComposedFile> {
  const { db, actor } = ctx;
  const row = await readableProposal(db, actor, id);
  const { source, answers } = await approvedAnswers(db, row);
  if (answers.length === 0) throw new AppError('NOT_FOUND', '该提案尚无已审核的答复，不能生成答复函');
  const meta = await committeeAndSession(db, actor.committeeId, source.sessionId);
  const settings = await getSettings(db, actor.committeeId);
  const [sheet] = await proposalSheets(db, [row]);
  const place = meta.officialName.replace(/委员会$/, '');
  const title = `关于${place}${meta.sessionName}${formatProposalNumber(source.number)}提案的答复`;
  const salutation = answerSalutation(sheet!);
  // The lead unit answers for the co-units too, so its letter names them.
  const slots = await activeUnitsOf(db, source);
  const coUnits = slots
    .filter((s) => s.role === 'co')
    .map((s) => s.name)
    .join('、');
  const leadUnitIds = new Set(slots.filter((s) => s.role === 'lead').map((s) => s.unitId));
  const letters: AnswerLetter[] = answers.map(({ answer, unitName }) => ({
    unitName,
    title,
    category: answer.category,
    categoryLabel: settings.answerCategories.find((c) => c.code === answer.category)?.label ?? '',
    salutation,
    text: answer.text,
    contactPerson: answer.contactPerson,
    contactPhone: answer.contactPhone,
    date: answer.sentAt ?? answer.headApprovedAt ?? answer.reviewedAt ?? answer.createdAt,
    copyTo: `${meta.officialName}提案委员会`,
    coUnits: leadUnitIds.has(answer.unitId) && coUnits ? coUnits : null,
  }));
  return {
    fileName: `${formatProposalNumber(source.number)}提案答复函.docx`,
    content: await answerLetterDocx(letters),
  };
}

/** 提案汇编: every accepted proposal of a session the caller may read, in number order. */
export async function composeCompilation(ctx: ServiceContext, sessionId: number): Promise<ComposedFile> {
  const { db, actor } = ctx;
  const meta = await committeeAndSession(db, actor.committeeId, sessionId);
  if (!can(actor, 'overview', 'proposals', collectionOf(actor))) {
    throw forbidden('只有提案工作人员和主席会议成员可以导出提案汇编');
  }
  const rows = await db
    .select()
    .from(proposals)
    .where(
      and(
        eq(proposals.committeeId, actor.committeeId),
        eq(proposals.sessionId, meta.sessionId),
        isNotNull(proposals.number),
        inArray(proposals.state, [...proposalStages.accepted]),
      ),
    )
    .orderBy(asc(proposals.number));
  const sheets = await proposalSheets(db, await onlyReadable(db, actor, rows));
  return {
    fileName: `${meta.sessionName}提案汇编.docx`,
    content: await compilationDocx(meta.officialName, meta.sessionName, sheets, new Date()),
  };
}

/** The list as the caller's list shows it (same views and filters, stage included), up to 5,000 rows. */
export async function composeProposalExport(
  ctx: ServiceContext,
  query: ProposalFilter,
): Promise<ComposedFile> {
  const { db, actor } = ctx;
  const items: Awaited<ReturnType<typeof listProposals>>['items'] = [];
  for (let page = 1; items.length < exportLimit; page++) {
    const result = await listProposals(ctx, { ...query, page, pageSize: exportPageSize });
    items.push(...result.items);
    if (result.items.length < exportPageSize || items.length >= result.total) break;
  }
  const listed = items.length
    ? await db
        .select()
        .from(proposals)
        .where(
          and(
            eq(proposals.committeeId, actor.committeeId),
            inArray(
              proposals.id,
              items.map((i) => i.id),
            ),
          ),
        )
    : [];
  const readable = new Set((await onlyReadable(db, actor, listed)).map((r) => r.id));
  // By number, as the session's register reads (unnumbered drafts and submissions last).
  const rows = items
    .filter((i) => readable.has(i.id))
    .slice(0, exportLimit)
    .sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity) || a.id - b.id);
  const settings = await getSettings(db, actor.committeeId);
  const ratings = await exportRatings(
    ctx,
    rows.map((r) => r.id),
    settings.satisfactionBasis,
  );
  return {
    fileName: datedFileName('提案列表', settings.timeZone),
    content: await writeXlsx(
      '提案列表',
      exportColumns(settings.timeZone, settings.satisfactionBasis, ratings),
      rows,
    ),
  };
}

/** The ratings the export's satisfaction column shows, counted as the figures count them. */
async function exportRatings(
  ctx: ServiceContext,
  ids: number[],
  basis: SatisfactionBasis,
): Promise<ExportRatings> {
  const out: ExportRatings = { proposal: new Map(), proposers: new Map() };
  if (ids.length === 0) return out;
  const label = (rank: number) => {
    const level = levelOfRank(rank);
    return level ? satisfactionLabels[level] : '';
  };
  const idList = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  const ours = { committeeId: ctx.actor.committeeId };
  if (basis === 'proposer') {
    const { rows } = await ctx.db.execute<{ proposal_id: number; name: string; rank: number }>(
      sql`select sr.proposal_id, m.name, sr.rank from ${ratingRows('proposer', ours)} sr
          join members m on m.id = sr.member_id
          where sr.proposal_id in (${idList}) and m.committee_id = ${ctx.actor.committeeId}
          order by sr.proposal_id, m.name`,
    );
    for (const r of rows) {
      const line = `${r.name}：${label(Number(r.rank))}`;
      const before = out.proposers.get(r.proposal_id);
      out.proposers.set(r.proposal_id, before ? `${before}；${line}` : line);
    }
    return out;
  }
  const { rows } = await ctx.db.execute<{ proposal_id: number; rank: number }>(
    sql`select sr.proposal_id, sr.rank from ${ratingRows(basis, ours)} sr where sr.proposal_id in (${idList})`,
  );
  for (const r of rows) out.proposal.set(r.proposal_id, label(Number(r.rank)));
  return out;
}
