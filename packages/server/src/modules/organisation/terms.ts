import { and, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  listQuerySchema,
  plenarySessionDtoSchema,
  plenarySessionInputSchema,
  plenarySessionUpdateSchema,
  plenaryWindowProblems,
  termDtoSchema,
  termInputSchema,
  termUpdateSchema,
  type ListQuery,
  recordIdParam,
} from '@cppcc/shared';
import { plenarySessions, terms } from '../../db/schema';
import { AppError, invalidField } from '../../lib/errors';
import type { CatalogResource } from './catalog';

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export const termResource: CatalogResource = {
  path: 'terms',
  resource: 'term',
  label: '届次',
  exportName: '届次列表',
  table: terms,
  createBody: termInputSchema,
  updateBody: termUpdateSchema,
  dto: termDtoSchema,
  sortable: { number: terms.number, name: terms.name, startDate: terms.startDate },
  defaultSort: terms.number,
  searchColumns: [terms.name],
  unique: [{ field: 'number', column: terms.number, label: '届次' }],
  exportColumns: [
    { header: '届次', value: (r) => r.number as number },
    { header: '名称', value: (r) => text(r.name) },
    { header: '开始日期', value: (r) => text(r.startDate) },
    { header: '结束日期', value: (r) => text(r.endDate) },
  ],
  async validate(_ctx, input, before) {
    const merged = { ...before, ...input } as { startDate: string; endDate: string };
    if (merged.endDate <= merged.startDate) throw invalidField('body.endDate', '结束日期应晚于开始日期');
  },
};

// Qualified by hand: see resources.ts.
const termName = sql<string>`(select t.name from terms t where t.id = "plenary_sessions"."term_id")`.as(
  'term_name',
);

export const listPlenarySessionsQuery = listQuerySchema.extend({ termId: recordIdParam.optional() }).strict();

type SessionDates = {
  meetingStart: string;
  meetingEnd: string;
  submissionOpens: string;
  submissionCloses: string;
};

export const plenarySessionResource: CatalogResource = {
  path: 'plenary-sessions',
  resource: 'plenarySession',
  label: '会议',
  exportName: '会议列表',
  table: plenarySessions,
  createBody: plenarySessionInputSchema,
  updateBody: plenarySessionUpdateSchema,
  dto: plenarySessionDtoSchema,
  extra: { termName },
  listQuery: listPlenarySessionsQuery as unknown as z.ZodType<ListQuery>,
  filters: (query) => {
    const termId = (query as ListQuery & { termId?: number }).termId;
    return [termId ? eq(plenarySessions.termId, termId) : undefined];
  },
  sortable: {
    meetingStart: plenarySessions.meetingStart,
    number: plenarySessions.number,
    name: plenarySessions.name,
    submissionCloses: plenarySessions.submissionCloses,
  },
  defaultSort: plenarySessions.meetingStart,
  searchColumns: [plenarySessions.name],
  unique: [],
  exportColumns: [
    { header: '届次', value: (r) => text(r.termName) },
    { header: '会议名称', value: (r) => text(r.name) },
    { header: '开幕日期', value: (r) => text(r.meetingStart) },
    { header: '闭幕日期', value: (r) => text(r.meetingEnd) },
    { header: '提案征集开始', value: (r) => text(r.submissionOpens) },
    { header: '提案截止', value: (r) => text(r.submissionCloses) },
  ],
  /** The term is the committee's, the number is unique in the term, and the dates make a sane window. */
  async validate(ctx, input, before) {
    const merged = { ...before, ...input } as SessionDates & { termId: number; number: number };
    const [term] = await ctx.db
      .select()
      .from(terms)
      .where(and(eq(terms.id, merged.termId), eq(terms.committeeId, ctx.actor.committeeId)));
    if (!term) throw invalidField('body.termId', '所选届次不存在');
    const problems = plenaryWindowProblems(merged);
    if (merged.meetingStart < term.startDate || merged.meetingEnd > term.endDate) {
      problems.push({
        path: 'meetingStart',
        message: `会议日期应在${term.name}任期内（${term.startDate} 至 ${term.endDate}）`,
      });
    }
    if (problems.length > 0) {
      throw new AppError('VALIDATION_FAILED', problems[0]!.message, {
        fields: problems.map((p) => ({ path: `body.${p.path}`, message: p.message })),
      });
    }
    const clashConditions = [
      eq(plenarySessions.termId, merged.termId),
      eq(plenarySessions.number, merged.number),
    ];
    if (before) clashConditions.push(ne(plenarySessions.id, before.id));
    const [clash] = await ctx.db
      .select({ id: plenarySessions.id })
      .from(plenarySessions)
      .where(and(...clashConditions));
    if (clash) {
      const message = `${term.name}第${merged.number}次会议已存在`;
      throw new AppError('DUPLICATE', message, { fields: [{ path: 'body.number', message }] });
    }
  },
};
