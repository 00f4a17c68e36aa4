import { z } from 'zod';
import { listProposalsQuery, recordIdParam } from '@cppcc/shared';
import type { AppInstance } from '../../../app';
import { forbidden } from '../../../lib/errors';
import { serviceContext } from '../../../lib/request-context';
import { can, collectionOf } from '../../../lib/policy';
import { proposalStageNames } from './filters';
import { proposalFigures } from './queries';

export const proposalFiguresQuery = z
  .object({
    sessionId: recordIdParam.optional(),
    year: z.coerce
      .number({ error: '年度应为数字' })
      .int()
      .min(2000, '年度不正确')
      .max(2100, '年度不正确')
      .optional(),
  })
  .strict()
  .refine((q) => q.sessionId !== undefined || q.year !== undefined, {
    message: '请选择会议或年度',
    path: ['sessionId'],
  });

const shape = listProposalsQuery.shape;
const figureFilter = z
  .object({
    view: shape.view.unwrap().optional(),
    state: shape.state,
    stage: z.enum(proposalStageNames).optional(),
    sessionId: z.number().optional(),
    year: z.number().optional(),
    category: z.string().optional(),
    unitId: z.number().optional(),
    answerCategory: z.string().optional(),
    satisfaction: shape.satisfaction,
    sectorId: z.number().optional(),
    keyStatus: shape.keyStatus,
    kind: shape.kind,
    excellentStatus: shape.excellentStatus,
  })
  .strict();
const figure = z.object({ key: z.string(), label: z.string(), value: z.number(), filter: figureFilter });
const rate = figure.extend({ value: z.number().nullable(), numerator: z.number(), denominator: z.number() });
const breakdownRow = z.object({ id: z.string(), label: z.string(), figures: z.array(figure) });
export const proposalFiguresResponse = z.object({
  scope: z.object({ sessionId: z.number().nullable(), year: z.number().nullable(), label: z.string() }),
  totals: z.array(figure),
  rates: z.array(rate),
  byUnit: z.array(breakdownRow),
  bySector: z.array(breakdownRow),
  byCategory: z.array(breakdownRow),
  byKind: z.array(breakdownRow),
  byAnswerCategory: z.array(figure),
  keyProgress: z.array(figure),
  keyProposals: z.array(
    z.object({
      id: z.number(),
      numberLabel: z.string(),
      title: z.string(),
      state: z.string(),
      stateLabel: z.string(),
      supervisors: z.array(z.string()),
      logCount: z.number(),
      lastLogOn: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
});

export async function proposalFiguresRoutes(app: AppInstance) {
  app.get(
    '/proposals/figures',
    {
      schema: {
        tags: ['proposals'],
        summary: '提案统计（按会议或年度）：每个数字附带可复现它的列表筛选条件',
        querystring: proposalFiguresQuery,
        response: { 200: proposalFiguresResponse },
      },
    },
    async (req) => {
      const { db, actor } = serviceContext(req);
      if (!can(actor, 'overview', 'proposals', collectionOf(actor))) {
        throw forbidden('只有提案工作人员和主席会议成员可以查看提案统计');
      }
      return proposalFigures(db, actor, req.query);
    },
  );
}
