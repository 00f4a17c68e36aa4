import { proposalFiguresQuery, proposalFiguresSchema } from '@cppcc/shared';
import type { AppInstance } from '../../../app';
import { forbidden } from '../../../lib/errors';
import { serviceContext } from '../../../lib/request-context';
import { can, collectionOf } from '../../../lib/policy';
import { proposalFigures } from './queries';
import { documentedAs } from '../../../lib/api-docs';

const doc = documentedAs('proposals');

export async function proposalFiguresRoutes(app: AppInstance) {
  app.get(
    '/proposals/figures',
    doc('提案统计（按会议或年度）：每个数字附带可复现它的列表筛选条件', {
      querystring: proposalFiguresQuery,
      response: { 200: proposalFiguresSchema },
    }),
    async (req) => {
      const { db, actor } = serviceContext(req);
      if (!can(actor, 'overview', 'proposals', collectionOf(actor))) {
        throw forbidden('只有提案工作人员和主席会议成员可以查看提案统计');
      }
      return proposalFigures(db, actor, req.query);
    },
  );
}
