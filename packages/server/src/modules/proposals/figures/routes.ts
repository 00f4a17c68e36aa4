import {
  keyProposalProgressPageSchema,
  keyProposalProgressQuery,
  proposalFiguresQuery,
  proposalFiguresSchema,
} from '@cppcc/shared';
import type { AppInstance } from '../../../app';
import { serviceContext } from '../../../lib/request-context';
import { keyProposalProgress, proposalFigures } from './queries';
import { documentedAs } from '../../../lib/api-docs';

const doc = documentedAs('proposals');

export async function proposalFiguresRoutes(app: AppInstance) {
  app.get(
    '/proposals/figures',
    doc(
      '提案统计（按会议或年度）：每个数字附带可复现它的列表筛选条件、单位（件或人次）和满意率口径；党政领导只见其督办的重点提案',
      {
        querystring: proposalFiguresQuery,
        response: { 200: proposalFiguresSchema },
      },
    ),
    async (req) => {
      const { db, actor } = serviceContext(req);
      // Refuses everyone but staff, leaders and supervising party leaders (figureReach).
      return proposalFigures(db, actor, req.query);
    },
  );
  app.get(
    '/proposals/figures/key-proposals',
    doc('重点提案办理进度（按会议或年度，分页）：督办领导、督办记录和是否超期', {
      querystring: keyProposalProgressQuery,
      response: { 200: keyProposalProgressPageSchema },
    }),
    async (req) => {
      const { db, actor } = serviceContext(req);
      return keyProposalProgress(db, actor, req.query);
    },
  );
}
