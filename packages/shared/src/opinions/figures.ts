import { z } from 'zod';
import { listOpinionsQuery, listForwardingsQuery } from './requests';

/**
 * Opinion figures: each is a count of records or of adoption-ledger rows, says its unit, and carries
 * the filter of the list behind it, so the list opened from a figure has the figure's count.
 */

const keys = listOpinionsQuery.shape;
export const opinionFigureFilterSchema = z
  .object({
    view: keys.view.unwrap().optional(),
    state: keys.state,
    year: z.number().optional(),
    quarter: z.number().optional(),
    category: z.string().optional(),
    submitterType: keys.submitterType,
    adoptionKind: keys.adoptionKind,
    adoptedLevel: keys.adoptedLevel,
    instructedLevel: keys.instructedLevel,
    reportedLevel: keys.reportedLevel,
    fromChildCommittee: z.boolean().optional(),
    sourceCommitteeId: z.number().optional(),
    sectorId: z.number().optional(),
    memberId: z.number().optional(),
    forwarded: z.boolean().optional(),
    stage: keys.stage,
  })
  .strict();
export type OpinionFigureFilter = z.infer<typeof opinionFigureFilterSchema>;

const forwardingKeys = listForwardingsQuery.shape;
export const forwardingFigureFilterSchema = z
  .object({
    state: forwardingKeys.state,
    channel: forwardingKeys.channel,
    answered: z.boolean().optional(),
    year: z.number().optional(),
    quarter: z.number().optional(),
    overdue: z.boolean().optional(),
  })
  .strict();

export const issueFigureFilterSchema = z
  .object({
    year: z.number().optional(),
    quarter: z.number().optional(),
    state: z.enum(['draft', 'sent']).optional(),
  })
  .strict();

/** A count with its unit (篇 articles, 件 forwarded items, 期 issues, 人次 credited contributors). */
export const opinionFigureSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number(),
  unit: z.enum(['篇', '件', '期', '人次']),
  /** The list behind the figure: opinions, forwarded items or issues. */
  list: z.enum(['opinions', 'forwardings', 'issues']),
  filter: z.union([opinionFigureFilterSchema, forwardingFigureFilterSchema, issueFigureFilterSchema]),
});
export type OpinionFigure = z.infer<typeof opinionFigureSchema>;

export const opinionBreakdownRowSchema = z.object({
  id: z.string(),
  label: z.string(),
  figures: z.array(opinionFigureSchema),
});

export const opinionFiguresSchema = z.object({
  year: z.number(),
  quarter: z.number().nullable(),
  totals: z.array(opinionFigureSchema),
  adoptedByLevel: z.array(opinionFigureSchema),
  instructedByLevel: z.array(opinionFigureSchema),
  forwarding: z.array(opinionFigureSchema),
  bySubmitterType: z.array(opinionBreakdownRowSchema),
  byCategory: z.array(opinionBreakdownRowSchema),
  bySector: z.array(opinionBreakdownRowSchema),
  /** For a parent: what each child committee reported here and how much of it was adopted. */
  byChildCommittee: z.array(opinionBreakdownRowSchema),
});
export type OpinionFigures = z.infer<typeof opinionFiguresSchema>;
