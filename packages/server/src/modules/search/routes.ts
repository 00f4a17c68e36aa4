import { searchQuerySchema, searchResultSchema } from '@cppcc/shared';
import type { AppInstance } from '../../app';
import { documentedAs } from '../../lib/api-docs';
import { serviceContext } from '../../lib/request-context';
import { search } from './search';

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
}
