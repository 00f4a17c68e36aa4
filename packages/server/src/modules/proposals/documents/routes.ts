import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { formatProposalNumber, idParams } from '@cppcc/shared';
import type { FastifyReply } from 'fastify';
import type { AppInstance } from '../../../app';
import { proposals } from '../../../db/schema';
import { AppError, forbidden } from '../../../lib/errors';
import { can, collectionOf } from '../../../lib/policy';
import { getSettings } from '../../../lib/settings';
import { contentDisposition, datedFileName, sendXlsx, writeXlsx } from '../../../lib/xlsx';
import { listProposals } from '../queries';
import { proposalFilterQuery, proposalStages } from '../figures/filters';
import { approvedAnswers, committeeAndSession, onlyReadable, proposalSheets, readableProposal } from './load';
import { answerLetterDocx, compilationDocx, docxMime, proposalDocx, type AnswerLetter } from './word';
import { exportColumns } from './export';

const fileResponse = { 200: z.any() };
const exportLimit = 5000;

function sendDocx(reply: FastifyReply, fileName: string, content: Buffer) {
  return reply
    .header('content-type', docxMime)
    .header('content-disposition', contentDisposition(fileName))
    .header('cache-control', 'no-store')
    .send(content);
}

export async function proposalDocumentsRoutes(app: AppInstance) {
  const { db } = app.deps.database;

  app.get(
    '/proposals/:id/document.docx',
    {
      schema: {
        tags: ['proposals'],
        summary: '提案 Word 文档（公文格式）',
        params: idParams,
        response: fileResponse,
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const row = await readableProposal(db, actor, req.params.id);
      const meta = await committeeAndSession(db, actor.committeeId, row.sessionId);
      const [sheet] = await proposalSheets(db, [row]);
      const content = await proposalDocx(meta.officialName, meta.sessionName, sheet!);
      const name = row.number ? `${formatProposalNumber(row.number)}提案` : `提案-${row.title.slice(0, 20)}`;
      return sendDocx(reply, `${name}.docx`, content);
    },
  );

  app.get(
    '/proposals/:id/answer-letter.docx',
    {
      schema: {
        tags: ['proposals'],
        summary: '提案答复函 Word 文档（已审核的答复）',
        params: idParams,
        response: fileResponse,
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const row = await readableProposal(db, actor, req.params.id);
      const { source, answers } = await approvedAnswers(db, row);
      if (answers.length === 0) throw new AppError('NOT_FOUND', '该提案尚无已审核的答复，不能生成答复函');
      const meta = await committeeAndSession(db, actor.committeeId, source.sessionId);
      const settings = await getSettings(db, actor.committeeId);
      const [sheet] = await proposalSheets(db, [row]);
      const place = meta.officialName.replace(/委员会$/, '');
      const title = `关于${place}${meta.sessionName}${formatProposalNumber(source.number)}提案的答复`;
      const salutation = sheet!.proposers.includes('代表提交')
        ? sheet!.proposers.replace(/（.*$/, '')
        : sheet!.proposers.includes('、')
          ? `${sheet!.leadName}等委员`
          : `${sheet!.leadName}委员`;
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
      }));
      const content = await answerLetterDocx(letters);
      return sendDocx(reply, `${formatProposalNumber(source.number)}提案答复函.docx`, content);
    },
  );

  app.get(
    '/plenary-sessions/:id/proposal-compilation.docx',
    {
      schema: {
        tags: ['proposals'],
        summary: '会议提案汇编 Word 文档（全部立案提案，按提案号排序，含目录）',
        params: idParams,
        response: fileResponse,
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const meta = await committeeAndSession(db, actor.committeeId, req.params.id);
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
      const content = await compilationDocx(meta.officialName, meta.sessionName, sheets, new Date());
      return sendDocx(reply, `${meta.sessionName}提案汇编.docx`, content);
    },
  );

  app.get(
    '/proposals/export.xlsx',
    {
      schema: {
        tags: ['proposals'],
        summary: '导出提案列表（与列表相同的筛选条件，另可按统计阶段 stage 筛选）',
        querystring: proposalFilterQuery,
        response: fileResponse,
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const ctx = { db, actor, config: app.deps.config };
      // The list's own query decides views and filters (stage included), so the export is exactly what the list shows.
      const items: Awaited<ReturnType<typeof listProposals>>['items'] = [];
      for (let page = 1; items.length < exportLimit; page++) {
        const result = await listProposals(ctx, { ...req.query, page, pageSize: 500 });
        items.push(...result.items);
        if (result.items.length < 500 || items.length >= result.total) break;
      }
      const readable = new Set(
        (
          await onlyReadable(
            db,
            actor,
            items.length
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
              : [],
          )
        ).map((r) => r.id),
      );
      const rows = items.filter((i) => readable.has(i.id)).slice(0, exportLimit);
      return sendXlsx(reply, datedFileName('提案列表'), await writeXlsx('提案列表', exportColumns, rows));
    },
  );
}
