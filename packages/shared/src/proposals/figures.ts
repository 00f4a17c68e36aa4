import { z } from 'zod';
import { recordIdParam } from '../ids';
import { pageSchema } from '../organisation';
import { satisfactionBases } from '../settings';
import { listProposalsQuery } from './requests';
import type { ProposalState } from './workflow';

/**
 * Groups of states that figures count. A figure's filter names its stage so that the list (and the
 * xlsx export) shows exactly the proposals behind the number.
 */
export const proposalStages = {
  /** Received by the committee and still on record: not drafts, not returned to the proposer, not withdrawn. */
  submitted: [
    'submitted',
    'reviewing',
    'accepted',
    'assigned',
    'answered',
    'rehandling',
    'closed',
    'rejected',
    'merged',
  ],
  /** 立案 */
  accepted: ['accepted', 'assigned', 'answered', 'rehandling', 'closed'],
  /** 办复: answered and approved, including closed; re-handling ones count again once re-answered. */
  answered: ['answered', 'closed'],
  /** With the units now. */
  handling: ['assigned', 'rehandling'],
  /** Waiting for staff. */
  pendingReview: ['submitted', 'reviewing'],
} as const satisfies Record<string, readonly ProposalState[]>;
export type ProposalStage = keyof typeof proposalStages;
export const proposalStageNames = Object.keys(proposalStages) as [ProposalStage, ...ProposalStage[]];

/** The list query plus `stage`; the export takes exactly this, and so can the list. */
export const proposalFilterQuery = listProposalsQuery
  .extend({ stage: z.enum(proposalStageNames, { error: '阶段不正确' }).optional() })
  .strict();
export type ProposalFilter = z.infer<typeof proposalFilterQuery>;

/** A figure's scope: a session, or the proposals submitted in a year. */
const figureScopeFields = {
  sessionId: recordIdParam.optional(),
  year: z.coerce
    .number({ error: '年度应为数字' })
    .int()
    .min(2000, '年度不正确')
    .max(2100, '年度不正确')
    .optional(),
};
const hasScope = (q: { sessionId?: number; year?: number }) =>
  q.sessionId !== undefined || q.year !== undefined;
const scopeRequired = { message: '请选择会议或年度', path: ['sessionId'] };

export const proposalFiguresQuery = z.object(figureScopeFields).strict().refine(hasScope, scopeRequired);

const listKeys = listProposalsQuery.shape;
/** The filter a figure hands to the UI: list-query keys only, so the list behind it has its count. */
export const figureFilterSchema = z
  .object({
    view: listKeys.view.unwrap().optional(),
    state: listKeys.state,
    stage: z.enum(proposalStageNames).optional(),
    sessionId: z.number().optional(),
    year: z.number().optional(),
    category: z.string().optional(),
    unitId: z.number().optional(),
    answerCategory: z.string().optional(),
    satisfaction: listKeys.satisfaction,
    satisfactionBasis: listKeys.satisfactionBasis,
    sectorId: z.number().optional(),
    keyStatus: listKeys.keyStatus,
    kind: listKeys.kind,
    excellentStatus: listKeys.excellentStatus,
  })
  .strict();
export type FigureFilter = z.infer<typeof figureFilterSchema>;

/** What a figure counts: proposals (件) or proposers' ratings (人次, 满意度按人次). */
export const figureUnits = ['件', '人次'] as const;
export type FigureUnit = (typeof figureUnits)[number];

export const figureSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number(),
  unit: z.enum(figureUnits),
  /** Satisfaction figures: the basis they count by (setting satisfactionBasis). */
  basis: z.enum(satisfactionBases).optional(),
  /** Satisfaction figures: what they are a share of (已评价, same basis and unit). */
  denominator: z.number().optional(),
  /** The list filter whose result is the records behind the number (its total is `value`). */
  filter: figureFilterSchema,
});
export type Figure = z.infer<typeof figureSchema>;

/**
 * A share: `value` is numerator / denominator (0–1), null when nothing is counted yet; `filter` lists
 * the numerator's records and `denominatorFilter` the denominator's, both in `unit`.
 */
export const rateFigureSchema = figureSchema.extend({
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  denominatorFilter: figureFilterSchema,
});
export type RateFigure = z.infer<typeof rateFigureSchema>;

export const breakdownRowSchema = z.object({
  id: z.string(),
  label: z.string(),
  figures: z.array(figureSchema),
});
export type BreakdownRow = z.infer<typeof breakdownRowSchema>;

export const proposalFiguresSchema = z.object({
  scope: z.object({
    sessionId: z.number().nullable(),
    year: z.number().nullable(),
    label: z.string(),
    /** Whose proposals: the committee's, or only the key proposals the viewer supervises (党政领导). */
    supervisedOnly: z.boolean(),
  }),
  /** How the satisfaction figures count, stated once for the page. */
  satisfactionBasis: z.object({
    code: z.enum(satisfactionBases),
    label: z.string(),
    unit: z.enum(figureUnits),
  }),
  totals: z.array(figureSchema),
  rates: z.array(rateFigureSchema),
  byUnit: z.array(breakdownRowSchema),
  bySector: z.array(breakdownRowSchema),
  byCategory: z.array(breakdownRowSchema),
  byKind: z.array(breakdownRowSchema),
  byAnswerCategory: z.array(figureSchema),
  keyProgress: z.array(figureSchema),
});
export type ProposalFigures = z.infer<typeof proposalFiguresSchema>;
/** The key proposals behind `keyProgress`, a page at a time, each with its supervision so far. */
export const keyProposalProgressQuery = z
  .object({
    ...figureScopeFields,
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(10),
  })
  .strict()
  .refine(hasScope, scopeRequired);
export const keyProposalProgressSchema = z.object({
  id: z.number(),
  numberLabel: z.string(),
  title: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  supervisors: z.array(z.string()),
  logCount: z.number(),
  lastLogOn: z.string().nullable(),
  overdue: z.boolean(),
});
export type KeyProposalProgress = z.infer<typeof keyProposalProgressSchema>;
export const keyProposalProgressPageSchema = pageSchema(keyProposalProgressSchema);
