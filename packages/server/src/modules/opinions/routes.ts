import { z } from 'zod';
import {
  createIssueBody,
  createOpinionBody,
  forwardingCommandRoutes,
  forwardingPageSchema,
  forwardingSchema,
  idParams,
  listForwardingsQuery,
  listIssuesQuery,
  listOpinionsQuery,
  opinionCommandRoutes,
  opinionDetailSchema,
  opinionFiguresQuery,
  opinionFiguresSchema,
  opinionFormOptionsSchema,
  opinionIssuePageSchema,
  opinionIssueSchema,
  opinionPageSchema,
  sendIssueBody,
  updateIssueBody,
  updateOpinionBody,
  type CommandHandlers,
  type ForwardingCommandRoutes,
  type OpinionCommandRoutes,
} from '@cppcc/shared';
import { eq } from 'drizzle-orm';
import type { AppInstance } from '../../app';
import { units } from '../../db/schema';
import type { ServiceContext } from '../../lib/actor';
import { documentedAs } from '../../lib/api-docs';
import { registerCommandRoutes } from '../../lib/command-routes';
import { serviceContext } from '../../lib/request-context';
import { sendXlsx } from '../../lib/xlsx';
import type { OpinionRow } from './access';
import { createOpinion, updateOpinion } from './commands/author-opinion';
import {
  adoptOpinion,
  archiveOpinion,
  combineOpinions,
  reopenOpinion,
  returnOpinion,
  saveEdit,
  startEditing,
} from './commands/decisions';
import {
  acceptForwardingAnswer,
  acknowledgeForwarding,
  answerForwarding,
  forwardOpinion,
  rejectForwardingAnswer,
  returnForwarding,
} from './commands/forwarding';
import { recordInstruction, reportInstructionDone } from './commands/instructions';
import { createIssue, sendIssue, updateIssue } from './commands/issues';
import { recordExternalOutcome, reportOpinion } from './commands/report';
import { respondCoauthor, submitOpinion, withdrawOpinion } from './commands/submission';
import { composeIssueDocument, composeOpinionExport } from './documents';
import { sendDocx } from '../../lib/word';
import { opinionFigures } from './figures';
import { listIssues, readIssue } from './issues';
import { opinionFormOptions } from './options';
import { presentForwarding, presentOpinion, readOpinion } from './presenter';
import { listForwardings, listOpinions } from './queries';
import { opinions } from '../../db/schema';

const doc = documentedAs('opinions');
const fileResponse = { 200: z.any() };

/** Opinion API: lists, detail, the command POSTs, forwarded items, issues, figures and documents. */
export async function opinionRoutes(app: AppInstance) {
  app.get(
    '/opinions',
    doc('社情民意信息列表', { querystring: listOpinionsQuery, response: { 200: opinionPageSchema } }),
    async (req) => listOpinions(serviceContext(req), req.query),
  );
  app.get(
    '/opinions/export.xlsx',
    doc('导出社情民意信息列表（与列表相同的筛选条件）', {
      querystring: listOpinionsQuery,
      response: fileResponse,
    }),
    async (req, reply) => {
      const { fileName, content } = await composeOpinionExport(serviceContext(req), req.query);
      return sendXlsx(reply, fileName, content);
    },
  );
  app.get(
    '/opinions/form-options',
    doc('社情民意表单选项（类别、字数上限、刊物、报送单位）', {
      response: { 200: opinionFormOptionsSchema },
    }),
    async (req) => opinionFormOptions(serviceContext(req)),
  );
  app.get(
    '/opinions/figures',
    doc('社情民意统计（年度）', {
      querystring: opinionFiguresQuery,
      response: { 200: opinionFiguresSchema },
    }),
    async (req) => opinionFigures(serviceContext(req), req.query),
  );
  app.post(
    '/opinions',
    doc('起草社情民意信息', { body: createOpinionBody, response: { 201: opinionDetailSchema } }),
    async (req, reply) => {
      const ctx = serviceContext(req);
      return reply.status(201).send(await presentOpinion(ctx, await createOpinion(ctx, req.body)));
    },
  );
  app.get(
    '/opinions/:id',
    doc('社情民意信息详情', { params: idParams, response: { 200: opinionDetailSchema } }),
    async (req) => readOpinion(serviceContext(req), req.params.id),
  );
  app.patch(
    '/opinions/:id',
    doc('修改社情民意信息（草稿或退回修改）', {
      params: idParams,
      body: updateOpinionBody,
      response: { 200: opinionDetailSchema },
    }),
    async (req) => {
      const ctx = serviceContext(req);
      return presentOpinion(ctx, (await updateOpinion(ctx, req.params.id, req.body)).opinion);
    },
  );

  const handlers: CommandHandlers<OpinionCommandRoutes, ServiceContext, { opinion: OpinionRow }> = {
    submit: submitOpinion,
    withdraw: withdrawOpinion,
    respondCoauthor,
    startEditing,
    saveEdit,
    adopt: adoptOpinion,
    combine: combineOpinions,
    archive: archiveOpinion,
    return: returnOpinion,
    reopen: reopenOpinion,
    report: reportOpinion,
    recordExternalOutcome,
    recordInstruction,
    reportInstructionDone,
    forward: forwardOpinion,
  };
  registerCommandRoutes(app, {
    resource: '/opinions',
    tag: 'opinions',
    routes: opinionCommandRoutes,
    handlers,
    response: opinionDetailSchema,
    present: (ctx, { opinion }) => presentOpinion(ctx, opinion),
  });

  app.get(
    '/opinion-forwardings',
    doc('转办件列表（本单位或全部）', {
      querystring: listForwardingsQuery,
      response: { 200: forwardingPageSchema },
    }),
    async (req) => listForwardings(serviceContext(req), req.query),
  );
  type ForwardingRow = Awaited<ReturnType<typeof acknowledgeForwarding>>;
  const forwardingHandlers: CommandHandlers<ForwardingCommandRoutes, ServiceContext, ForwardingRow> = {
    acknowledge: acknowledgeForwarding,
    answer: answerForwarding,
    returnItem: returnForwarding,
    acceptAnswer: acceptForwardingAnswer,
    rejectAnswer: rejectForwardingAnswer,
  };
  registerCommandRoutes(app, {
    resource: '/opinion-forwardings',
    tag: 'opinions',
    routes: forwardingCommandRoutes,
    handlers: forwardingHandlers,
    response: forwardingSchema,
    present: async (ctx, f) => {
      const [names] = await ctx.db
        .select({ unitName: units.name, title: opinions.title, editedTitle: opinions.editedTitle })
        .from(units)
        .innerJoin(opinions, eq(opinions.id, f.opinionId))
        .where(eq(units.id, f.unitId));
      return presentForwarding(ctx, f, {
        unitName: names!.unitName,
        opinionTitle: names!.editedTitle ?? names!.title,
      });
    },
  });

  app.get(
    '/opinion-issues',
    doc('期刊列表', { querystring: listIssuesQuery, response: { 200: opinionIssuePageSchema } }),
    async (req) => listIssues(serviceContext(req), req.query),
  );
  app.post(
    '/opinion-issues',
    doc('编辑新一期（编号按刊物、年度顺延）', {
      body: createIssueBody,
      response: { 201: opinionIssueSchema },
    }),
    async (req, reply) => {
      const ctx = serviceContext(req);
      const issue = await createIssue(ctx, req.body);
      return reply.status(201).send(await readIssue(ctx, issue.id));
    },
  );
  app.get(
    '/opinion-issues/:id',
    doc('期刊详情', { params: idParams, response: { 200: opinionIssueSchema } }),
    async (req) => readIssue(serviceContext(req), req.params.id),
  );
  app.patch(
    '/opinion-issues/:id',
    doc('修改期刊（印发前）', {
      params: idParams,
      body: updateIssueBody,
      response: { 200: opinionIssueSchema },
    }),
    async (req) => {
      const ctx = serviceContext(req);
      return readIssue(ctx, (await updateIssue(ctx, req.params.id, req.body)).id);
    },
  );
  app.post(
    '/opinion-issues/:id/send',
    doc('印发期刊（选择报送上级时一并报送上级政协）', {
      params: idParams,
      body: sendIssueBody,
      response: { 200: opinionIssueSchema },
    }),
    async (req) => {
      const ctx = serviceContext(req);
      return readIssue(ctx, (await sendIssue(ctx, req.params.id, req.body)).id);
    },
  );
  app.get(
    '/opinion-issues/:id/document.docx',
    doc('期刊 Word 文档（报头、文章、报送抄送）', { params: idParams, response: fileResponse }),
    async (req, reply) => sendDocx(reply, await composeIssueDocument(serviceContext(req), req.params.id)),
  );
}
