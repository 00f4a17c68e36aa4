import { z } from 'zod';
import { listReadingNotesQuery, listSpeechesQuery, listSuggestionsQuery } from './outcome-requests';
import { listActivitiesQuery, listAttendanceQuery } from './requests';

/**
 * Activity figures: each counts activities (场次) or invitations (人次), says its unit and carries the
 * filter of the list behind it, so the list opened from a figure has the figure's count.
 */

const a = listActivitiesQuery.shape;
export const activityFigureFilterSchema = z
  .object({
    year: z.number().optional(),
    kind: z.string().optional(),
    category: a.category,
    state: a.state,
    issueResolved: z.boolean().optional(),
  })
  .strict();

const r = listAttendanceQuery.shape;
export const attendanceFigureFilterSchema = z
  .object({
    year: z.number().optional(),
    kind: z.string().optional(),
    attendance: r.attendance,
    outcome: r.outcome,
    mandatory: z.boolean().optional(),
    final: z.boolean().optional(),
  })
  .strict();

const sg = listSuggestionsQuery.shape;
export const suggestionFigureFilterSchema = z
  .object({
    year: z.number().optional(),
    category: sg.category,
    state: sg.state,
    adopted: z.boolean().optional(),
    sent: z.boolean().optional(),
    overdue: z.boolean().optional(),
  })
  .strict();

const sp = listSpeechesQuery.shape;
export const speechFigureFilterSchema = z
  .object({
    year: z.number().optional(),
    kind: z.string().optional(),
    mode: sp.mode,
    state: sp.state,
    given: z.boolean().optional(),
  })
  .strict();

export const readingNoteFigureFilterSchema = z
  .object({ year: z.number().optional(), state: listReadingNotesQuery.shape.state })
  .strict();

export const activityFigureUnits = ['场次', '人次', '%', '条', '篇', '批次', '项'] as const;

export const activityFigureSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number(),
  unit: z.enum(activityFigureUnits),
  /** For a rate: the count over the denominator it was taken of. */
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  denominatorLabel: z.string().optional(),
  list: z.enum(['activities', 'attendance', 'suggestions', 'speeches', 'readingNotes']),
  /**
   * Set when the figure is a column's total over the list's rows (参与群众 人次 = the sum of the
   * activities' resident counts); otherwise the figure is the list's row count.
   */
  sumOf: z.enum(['residentCount', 'visitedCount']).optional(),
  filter: z.union([
    activityFigureFilterSchema,
    attendanceFigureFilterSchema,
    suggestionFigureFilterSchema,
    speechFigureFilterSchema,
    readingNoteFigureFilterSchema,
  ]),
});
export type ActivityFigure = z.infer<typeof activityFigureSchema>;

export const activityFiguresSchema = z.object({
  year: z.number(),
  totals: z.array(activityFigureSchema),
  /** Suggestions followed to results (成果转化), speeches, reading notes, grassroots issues, visits. */
  outcomes: z.array(activityFigureSchema),
  /** Per kind: activities held and person-times attended. */
  byKind: z.array(z.object({ kind: z.string(), label: z.string(), figures: z.array(activityFigureSchema) })),
});
export type ActivityFigures = z.infer<typeof activityFiguresSchema>;

/** A member's own attendance of a year (我的出勤). */
export const myAttendanceSchema = z.object({
  year: z.number(),
  invited: z.number(),
  mandatory: z.number(),
  attended: z.number(),
  leave: z.number(),
  absent: z.number(),
  /** Attended over the invitations the member was obliged to attend, closed activities only; null when none. */
  rate: z.number().nullable(),
});
export type MyAttendance = z.infer<typeof myAttendanceSchema>;
