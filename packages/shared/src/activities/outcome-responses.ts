import { z } from 'zod';
import { pageSchema, policiesSchema } from '../organisation';
import { readingNoteStates, speechModes, speechStates, suggestionStates } from './outcomes';
import { activityCategories } from './vocabulary';

/** Response DTOs of suggestions, speeches and reading notes. */

const isoOrNull = z.string().nullable();
const fileSchema = z.object({ id: z.number(), fileName: z.string(), size: z.number() });

/** The activity a record came from, as lists show it. */
const activityRefSchema = z.object({
  activityId: z.number(),
  activityTopic: z.string(),
  activityKindLabel: z.string(),
  activityCategory: z.enum(activityCategories),
  activityStartsAt: z.string(),
});

export const suggestionSchema = activityRefSchema.extend({
  id: z.number(),
  content: z.string(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  /** The day it is due, `YYYY-MM-DD` in the committee's zone. */
  deadline: isoOrNull,
  overdue: z.boolean(),
  state: z.enum(suggestionStates),
  stateLabel: z.string(),
  sentAt: isoOrNull,
  adoptionFeedback: z.string().nullable(),
  adoptedOn: isoOrNull,
  implementationFeedback: z.string().nullable(),
  implementedOn: isoOrNull,
  evidence: z.array(fileSchema),
  createdAt: z.string(),
  version: z.number(),
  policies: policiesSchema,
});
export type SuggestionDto = z.infer<typeof suggestionSchema>;
export const suggestionPageSchema = pageSchema(suggestionSchema);

export const speechSchema = activityRefSchema.extend({
  id: z.number(),
  /** 大会发言 at a plenary, 会议发言 elsewhere. */
  occasionLabel: z.string(),
  memberId: z.number(),
  memberName: z.string(),
  mode: z.enum(speechModes),
  modeLabel: z.string(),
  title: z.string(),
  content: z.string().nullable(),
  attachments: z.array(fileSchema),
  state: z.enum(speechStates),
  stateLabel: z.string(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
  policies: policiesSchema,
});
export type SpeechDto = z.infer<typeof speechSchema>;
export const speechPageSchema = pageSchema(speechSchema);

export const readingNoteSchema = z.object({
  id: z.number(),
  memberId: z.number(),
  memberName: z.string(),
  activityId: z.number().nullable(),
  activityTopic: z.string().nullable(),
  bookTitle: z.string(),
  title: z.string(),
  content: z.string(),
  state: z.enum(readingNoteStates),
  stateLabel: z.string(),
  returnReason: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
  policies: policiesSchema,
});
export type ReadingNoteDto = z.infer<typeof readingNoteSchema>;
export const readingNotePageSchema = pageSchema(readingNoteSchema);
