import { z } from 'zod';
import { pageSchema, policiesSchema } from '../organisation';
import { forwardingStates, opinionStates } from './workflow';
import {
  coauthorStatuses,
  forwardingChannels,
  opinionAdoptionKinds,
  opinionIssueStates,
  opinionLedgerEvents,
  opinionLevels,
  opinionSubmitterTypes,
} from './vocabulary';

/** Opinion response DTOs: the server's presenters produce exactly these. */

const isoOrNull = z.string().nullable();
const ref = z.object({ id: z.number(), title: z.string() });
const attachmentFile = z.object({ id: z.number(), fileName: z.string(), size: z.number() });

export const opinionListItemSchema = z.object({
  id: z.number(),
  title: z.string(),
  category: z.string(),
  state: z.enum(opinionStates),
  stateLabel: z.string(),
  submitterType: z.enum(opinionSubmitterTypes),
  /** 张三、李四 / 民革县委会 / 某县政协 (报送). */
  submitterName: z.string(),
  sourceCommitteeName: z.string().nullable(),
  adoptionKind: z.enum(opinionAdoptionKinds).nullable(),
  /** What the ledger says, newest last: 被市级政协采用 … */
  feedback: z.array(z.string()),
  submittedAt: isoOrNull,
  decidedAt: isoOrNull,
  version: z.number(),
  updatedAt: z.string(),
});
export type OpinionListItem = z.infer<typeof opinionListItemSchema>;
export const opinionPageSchema = pageSchema(opinionListItemSchema);

export const ledgerEntrySchema = z.object({
  id: z.number(),
  level: z.enum(opinionLevels),
  levelLabel: z.string(),
  event: z.enum(opinionLedgerEvents),
  text: z.string(),
  committeeName: z.string(),
  note: z.string().nullable(),
  occurredAt: z.string(),
});

export const instructionSchema = z.object({
  id: z.number(),
  leaderName: z.string(),
  leaderPost: z.string(),
  level: z.enum(opinionLevels),
  levelLabel: z.string(),
  text: z.string(),
  instructedOn: z.string(),
  attachmentIds: z.array(z.number()),
  unitName: z.string().nullable(),
  result: z.string().nullable(),
  doneAt: isoOrNull,
});

export const forwardingSchema = z.object({
  id: z.number(),
  opinionId: z.number(),
  opinionTitle: z.string(),
  channel: z.enum(forwardingChannels),
  channelLabel: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  workOrderNumber: z.string().nullable(),
  deadline: z.string(),
  overdue: z.boolean(),
  note: z.string().nullable(),
  state: z.enum(forwardingStates),
  stateLabel: z.string(),
  answerText: z.string().nullable(),
  answerAttachmentIds: z.array(z.number()),
  returnReason: z.string().nullable(),
  reviewComment: z.string().nullable(),
  forwardedAt: z.string(),
  answeredAt: isoOrNull,
  version: z.number(),
  policies: policiesSchema,
});
export type ForwardingDto = z.infer<typeof forwardingSchema>;
export const forwardingPageSchema = pageSchema(forwardingSchema);

export const opinionDetailSchema = z.object({
  id: z.number(),
  title: z.string(),
  category: z.string(),
  /** The text as submitted; never changed by editing. */
  content: z.string(),
  /** The current edit for publication, once staff saved one. */
  edited: z.object({ title: z.string(), content: z.string() }).nullable(),
  state: z.enum(opinionStates),
  stateLabel: z.string(),
  submitterType: z.enum(opinionSubmitterTypes),
  submitterName: z.string(),
  organisationName: z.string().nullable(),
  coauthors: z.array(
    z.object({
      memberId: z.number(),
      name: z.string(),
      status: z.enum(coauthorStatuses),
      statusLabel: z.string(),
    }),
  ),
  /** Everyone credited with this article: its authors and those of the opinions combined into it. */
  contributors: z.array(z.string()),
  attachmentIds: z.array(z.number()),
  attachmentFiles: z.array(attachmentFile),
  sourceProposal: ref.nullable(),
  /** For a record a child committee reported here: that committee and the original authors. */
  reportedFrom: z.object({ committeeName: z.string(), authors: z.array(z.string()) }).nullable(),
  combinedInto: ref.nullable(),
  combinedFrom: z.array(ref.extend({ authors: z.array(z.string()) })),
  adoptionKind: z.enum(opinionAdoptionKinds).nullable(),
  returnComment: z.string().nullable(),
  archiveReason: z.string().nullable(),
  /** Saved edits, oldest first; version 0 is the submitted text. Staff only. */
  versions: z.array(
    z.object({
      number: z.number(),
      title: z.string(),
      content: z.string(),
      editorName: z.string(),
      note: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  ledger: z.array(ledgerEntrySchema),
  instructions: z.array(instructionSchema),
  forwardings: z.array(forwardingSchema),
  issues: z.array(z.object({ id: z.number(), label: z.string(), state: z.enum(opinionIssueStates) })),
  /** Committees this article was reported to; a second report to the same level is refused. */
  reportedTo: z.array(z.enum(opinionLevels)),
  /** The level a report to the parent goes to, or null when the committee has no parent. */
  parentLevel: z.enum(opinionLevels).nullable(),
  timeline: z.array(
    z.object({
      id: z.number(),
      action: z.string(),
      actionLabel: z.string(),
      actorName: z.string(),
      fromState: z.string().nullable(),
      toState: z.string().nullable(),
      note: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  submittedAt: isoOrNull,
  decidedAt: isoOrNull,
  version: z.number(),
  policies: policiesSchema,
});
export type OpinionDetail = z.infer<typeof opinionDetailSchema>;

export const opinionFormOptionsSchema = z.object({
  categories: z.array(z.string()),
  contentLimit: z.number(),
  series: z.array(z.string()),
  organisations: z.array(z.object({ id: z.number(), name: z.string() })),
  units: z.array(z.object({ id: z.number(), name: z.string() })),
  parentCommitteeName: z.string().nullable(),
});
export type OpinionFormOptions = z.infer<typeof opinionFormOptionsSchema>;

export const opinionIssueSchema = z.object({
  id: z.number(),
  series: z.string(),
  year: z.number(),
  number: z.number(),
  label: z.string(),
  state: z.enum(opinionIssueStates),
  stateLabel: z.string(),
  articles: z.array(
    z.object({ id: z.number(), title: z.string(), contributors: z.array(z.string()), category: z.string() }),
  ),
  reportTo: z.array(z.string()),
  copyTo: z.array(z.string()),
  reportToParent: z.boolean(),
  compiledBy: z.string(),
  createdAt: z.string(),
  sentAt: isoOrNull,
  version: z.number(),
  policies: policiesSchema,
});
export type OpinionIssueDto = z.infer<typeof opinionIssueSchema>;
export const opinionIssuePageSchema = pageSchema(
  opinionIssueSchema.omit({ articles: true }).extend({ articleCount: z.number() }),
);
