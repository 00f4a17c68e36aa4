import {
  assignmentHintsRequestSchema,
  assignmentHintsSchema,
  searchQuerySchema,
  searchResultSchema,
  similarRequestSchema,
  similarResultSchema,
  similarToParams,
} from '@cppcc/shared';
import type { AppInstance } from '../../app';
import { documentedAs } from '../../lib/api-docs';
import { serviceContext } from '../../lib/request-context';
import { notFound } from '../../lib/errors';
import { assignmentHints } from './assignment-hints';
import { search } from './search';
import { similarToRecord, similarToText } from './similar';

const doc = documentedAs('search');

/** The global search of the top bar. */
export async function searchRoutes(app: AppInstance) {
  app.get(
    '/search',
    doc('全局搜索（提案、社情民意、活动、意见建议、委员；只含本人有权查看的）', {
      querystring: searchQuerySchema,
      response: { 200: searchResultSchema },
    }),
    async (req) => search(serviceContext(req), req.query),
  );

  app.post(
    '/search/similar',
    doc('与正在撰写的提案或社情民意相似的记录（历年提案与社情民意，含办理结果）', {
      body: similarRequestSchema,
      response: { 200: similarResultSchema },
    }),
    async (req) => similarToText(serviceContext(req), req.body),
  );

  app.get(
    '/search/similar/:kind/:id',
    doc('与一件提案或一篇社情民意相似的记录（审查时查重、并案）', {
      params: similarToParams,
      response: { 200: similarResultSchema },
    }),
    async (req) => {
      const found = await similarToRecord(serviceContext(req), req.params.kind, req.params.id);
      if (!found) throw notFound();
      return found;
    },
  );

  app.post(
    '/search/assignment-hints',
    doc('建议的承办单位与提案类别（从本会以往交办与立案中学得）', {
      body: assignmentHintsRequestSchema,
      response: { 200: assignmentHintsSchema },
    }),
    async (req) => assignmentHints(serviceContext(req), req.body.proposalIds),
  );
}
