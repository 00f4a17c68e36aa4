import { z } from 'zod';
import { isoDate, optionalText, requiredText, versionField } from '../fields';
import { recordId, recordIdParam } from '../ids';
import { listQuerySchema } from '../organisation';
import { readingNoteStates, speechModes, speechStates, suggestionStates } from './outcomes';
import { activityCategories } from './vocabulary';

/** Request schemas of what activities produce: suggestions, speeches, reading notes. */

const version = versionField;
const attachments = (label: string) =>
  z
    .array(recordId)
    .max(20, `${label}最多 20 个`)
    .refine((list) => new Set(list).size === list.length, `${label}不能重复`)
    .default([]);
const yearQuery = z.coerce.number().int().min(2000).max(2100).optional();
const trueFlag = z
  .enum(['true'], { error: '应为 true' })
  .transform(() => true)
  .optional();
const activityScope = {
  activityId: recordIdParam.optional(),
  /** The year of the activity's start, in the committee's zone. */
  year: yearQuery,
  kind: z.string().max(40).optional(),
  category: z.enum(activityCategories).optional(),
};

export const suggestionContentMax = 1000;

export const createSuggestionBody = z
  .object({
    activityId: recordId,
    content: requiredText('建议内容', suggestionContentMax),
    /** The department it goes to; may be chosen when it is sent. */
    unitId: recordId.nullable().default(null),
    deadline: isoDate.nullable().default(null),
  })
  .strict();
export type CreateSuggestionInput = z.infer<typeof createSuggestionBody>;

export const updateSuggestionBody = z
  .object({
    content: requiredText('建议内容', suggestionContentMax).optional(),
    unitId: recordId.nullable().optional(),
    deadline: isoDate.nullable().optional(),
    version,
  })
  .strict();

export const sendSuggestionBody = z
  .object({
    unitId: recordId,
    deadline: isoDate,
    version,
  })
  .strict();
export const adoptSuggestionBody = z
  .object({ feedback: requiredText('采纳情况', 2000), adoptedOn: isoDate, version })
  .strict();
export const declineSuggestionBody = z
  .object({ feedback: requiredText('未采纳的原因', 2000), version })
  .strict();
export const implementSuggestionBody = z
  .object({
    feedback: requiredText('落实情况', 2000),
    implementedOn: isoDate,
    evidenceAttachmentIds: attachments('佐证材料'),
    version,
  })
  .strict();
export const reopenSuggestionBody = z
  .object({ reason: requiredText('撤回登记的理由', 200), version })
  .strict();

export const listSuggestionsQuery = listQuerySchema
  .extend({
    ...activityScope,
    state: z.enum(suggestionStates).optional(),
    unitId: recordIdParam.optional(),
    /** 已采纳 together with 已落实 (an implemented suggestion was adopted first). */
    adopted: trueFlag,
    /** Sent to a department, whatever came of it since. */
    sent: trueFlag,
    /** Sent, not yet answered, past its deadline. */
    overdue: trueFlag,
    sort: z.enum(['createdAt', 'deadline']).optional(),
  })
  .strict();
export type ListSuggestionsQuery = z.infer<typeof listSuggestionsQuery>;

export const speechTitleMax = 80;

/**
 * A member submits their own written speech (no `memberId`); liaison staff record a speech for a
 * member (`memberId`), accepted at once.
 */
export const createSpeechBody = z
  .object({
    activityId: recordId,
    memberId: recordId.optional(),
    mode: z.enum(speechModes, { error: '请选择书面发言或口头发言' }),
    title: requiredText('发言题目', speechTitleMax),
    content: optionalText('发言内容', 20000),
    attachmentIds: attachments('附件'),
  })
  .strict()
  .refine((s) => Boolean(s.content) || s.attachmentIds.length > 0, {
    message: '请填写发言内容或上传发言稿',
    path: ['content'],
  });
export type CreateSpeechInput = z.infer<typeof createSpeechBody>;

export const speechVersionBody = z.object({ version }).strict();
export const declineSpeechBody = z.object({ note: requiredText('不予收录的理由', 200), version }).strict();

export const listSpeechesQuery = listQuerySchema
  .extend({
    ...activityScope,
    memberId: recordIdParam.optional(),
    state: z.enum(speechStates).optional(),
    mode: z.enum(speechModes).optional(),
    /** 已收录 together with 大会口头发言: the speeches that count. */
    given: trueFlag,
    /** The viewer's own speeches. */
    mine: trueFlag,
    sort: z.enum(['createdAt']).optional(),
  })
  .strict();
export type ListSpeechesQuery = z.infer<typeof listSpeechesQuery>;

export const createReadingNoteBody = z
  .object({
    bookTitle: requiredText('书名', 60),
    title: requiredText('笔记题目', 80),
    content: requiredText('笔记内容', 5000),
    /** The reading activity it was written for, if any. */
    activityId: recordId.nullable().default(null),
  })
  .strict();
export type CreateReadingNoteInput = z.infer<typeof createReadingNoteBody>;

export const returnReadingNoteBody = z.object({ reason: requiredText('退回理由', 200), version }).strict();
export const readingNoteVersionBody = z.object({ version }).strict();

export const listReadingNotesQuery = listQuerySchema
  .extend({
    memberId: recordIdParam.optional(),
    activityId: recordIdParam.optional(),
    state: z.enum(readingNoteStates).optional(),
    /** The year it was written, in the committee's zone. */
    year: yearQuery,
    mine: trueFlag,
    sort: z.enum(['createdAt']).optional(),
  })
  .strict();
export type ListReadingNotesQuery = z.infer<typeof listReadingNotesQuery>;
