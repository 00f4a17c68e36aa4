import { z } from 'zod';
import { idParams, proposalFilterQuery } from '@cppcc/shared';
import type { AppInstance } from '../../../app';
import { serviceContext } from '../../../lib/request-context';
import { sendXlsx } from '../../../lib/xlsx';
import { sendDocx } from '../../../lib/word';
import {
  composeAnswerLetters,
  composeCompilation,
  composeProposalDocument,
  composeProposalExport,
} from './compose';
import { documentedAs } from '../../../lib/api-docs';

const fileResponse = { 200: z.any() };

/** Word documents and the spreadsheet export; what they say is composed in compose.ts. */
const doc = documentedAs('proposals');

export async function proposalDocumentsRoutes(app: AppInstance) {
  app.get(
    '/proposals/:id/document.docx',
    doc('提案 Word 文档（公文格式）', { params: idParams, response: fileResponse }),
    async (req, reply) => sendDocx(reply, await composeProposalDocument(serviceContext(req), req.params.id)),
  );

  app.get(
    '/proposals/:id/answer-letter.docx',
    doc('提案答复函 Word 文档（已审核的答复）', { params: idParams, response: fileResponse }),
    async (req, reply) => sendDocx(reply, await composeAnswerLetters(serviceContext(req), req.params.id)),
  );

  app.get(
    '/plenary-sessions/:id/proposal-compilation.docx',
    doc('会议提案汇编 Word 文档（全部立案提案，按提案号排序，含目录）', {
      params: idParams,
      response: fileResponse,
    }),
    async (req, reply) => sendDocx(reply, await composeCompilation(serviceContext(req), req.params.id)),
  );

  app.get(
    '/proposals/export.xlsx',
    doc('导出提案列表（与列表相同的筛选条件，另可按统计阶段 stage 筛选）', {
      querystring: proposalFilterQuery,
      response: fileResponse,
    }),
    async (req, reply) => {
      const { fileName, content } = await composeProposalExport(serviceContext(req), req.query);
      return sendXlsx(reply, fileName, content);
    },
  );
}
