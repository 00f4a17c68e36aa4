import { z } from 'zod';
import { codesOf } from './codes';
import { recordId, recordIdParam } from './ids';
import { searchKindLabels, searchSortLabels } from './labels';

/** The global search: one query across proposals, opinions, activities, suggestions and members. */

export const searchKinds = codesOf(searchKindLabels);
export type SearchKind = (typeof searchKinds)[number];
export const searchSorts = codesOf(searchSortLabels);

export const searchQuerySchema = z
  .object({
    q: z
      .string({ error: '请输入要搜索的内容' })
      .trim()
      .min(1, '请输入要搜索的内容')
      .max(50, '搜索内容不超过 50 个字'),
    kind: z.enum(searchKinds, { error: '搜索范围不正确' }).optional(),
    /** The record's year (a proposal's session year, an opinion's submission, an activity's start). */
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    state: z.string().max(40).optional(),
    category: z.string().max(40).optional(),
    sectorId: recordIdParam.optional(),
    unitId: recordIdParam.optional(),
    sort: z.enum(searchSorts).default('relevance'),
    page: z.coerce.number().int().min(1).max(50).default(1),
    pageSize: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** Text cut into the parts that matched the query and the parts between, for highlighting without HTML. */
export const highlightedSchema = z.array(z.object({ text: z.string(), hit: z.boolean() }));
export type Highlighted = z.infer<typeof highlightedSchema>;

export const searchHitSchema = z.object({
  kind: z.enum(searchKinds),
  kindLabel: z.string(),
  id: z.number(),
  title: highlightedSchema,
  snippet: highlightedSchema,
  /** e.g. the proposal's state, the member's sector. */
  detail: z.string(),
  date: z.string().nullable(),
  year: z.number().nullable(),
  /** The page of the record in the web app. */
  link: z.string(),
  score: z.number(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultSchema = z.object({
  items: z.array(searchHitSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** How many the actor may see of each kind, for the kind tabs. */
  counts: z.record(z.enum(searchKinds), z.number()),
  /** Kinds with more matches than were ranked: their count is a floor ("200+"). */
  capped: z.array(z.enum(searchKinds)),
  /** The words the query was cut into. */
  terms: z.array(z.string()),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

/** Words the committee adds to the segmenter's dictionary (楼小二, 有事好商量 …). */
export const searchWordSchema = z
  .string()
  .trim()
  .min(2, '词语至少 2 个字')
  .max(20, '词语不超过 20 个字')
  .regex(/^[\p{Script=Han}A-Za-z0-9·]+$/u, '词语只能包含汉字、字母或数字');

/** The domain words every committee starts with; the setting `searchDictionary` holds its own. */
export const defaultSearchDictionary = [
  '政协',
  '政协委员',
  '有事好商量',
  '社情民意',
  '提案',
  '界别',
  '专委会',
  '委员会客室',
  '老旧小区',
  '加装电梯',
  '电动车',
  '锂电池',
  '背街小巷',
  '雨污分流',
  '营商环境',
  '乡村振兴',
  '医共体',
  '中央厨房',
  '养老服务',
  '民主监督',
  '协商议政',
];

/** The kinds duplicates are looked for in: what members write and staff review. */
export const similarKinds = ['proposal', 'opinion'] as const satisfies readonly SearchKind[];
export type SimilarKind = (typeof similarKinds)[number];

/** A text being written (a proposal or an opinion not yet saved), to find what is like it. */
export const similarRequestSchema = z
  .object({
    title: z.string().trim().max(200, '标题不超过 200 个字'),
    content: z.string().max(20_000, '内容不超过 20000 个字').default(''),
    kinds: z
      .array(z.enum(similarKinds))
      .min(1)
      .max(2)
      .default([...similarKinds]),
  })
  .strict();
export type SimilarRequest = z.infer<typeof similarRequestSchema>;

export const similarToParams = z.object({ kind: z.enum(similarKinds), id: recordIdParam }).strict();

export const similarItemSchema = z.object({
  kind: z.enum(similarKinds),
  kindLabel: z.string(),
  id: z.number(),
  title: z.string(),
  year: z.number().nullable(),
  state: z.string(),
  stateLabel: z.string(),
  /** What came of it: 已立案 · 答复A类（已解决或采纳）, 被市政协采用 … */
  outcome: z.string(),
  /** The proposer or author, when the viewer may open the record. */
  author: z.string().nullable(),
  /** 0–1: the weighted share of words the two texts have in common. */
  score: z.number(),
  /** The same title or body, punctuation aside. */
  exact: z.boolean(),
  /** At or above the committee's duplicate threshold: 疑似重复. */
  likelyDuplicate: z.boolean(),
  /** The record's page; null when the viewer may know of it (an accepted proposal) but not open it. */
  link: z.string().nullable(),
  /** For a proposal: its session and number, so staff can merge into it. */
  sessionId: z.number().nullable(),
  numberLabel: z.string().nullable(),
});
export type SimilarItem = z.infer<typeof similarItemSchema>;

export const similarResultSchema = z.object({
  items: z.array(similarItemSchema),
  /** The score from which an item is flagged as a likely duplicate. */
  duplicateThreshold: z.number(),
});
export type SimilarResult = z.infer<typeof similarResultSchema>;

/** Proposals at review or assignment whose handling units and category are to be suggested. */
export const assignmentHintsRequestSchema = z
  .object({ proposalIds: z.array(recordId).min(1, '请选择提案').max(200, '一次最多 200 件') })
  .strict();

const confidence = z.number().min(0).max(1);
export const assignmentHintSchema = z.object({
  proposalId: z.number(),
  /** The units the proposer suggested (建议承办单位), still active. */
  proposerSuggested: z.array(z.object({ id: z.number(), name: z.string() })),
  /** The 3 likeliest lead units, best first. */
  units: z.array(z.object({ id: z.number(), name: z.string(), confidence })),
  categories: z.array(z.object({ category: z.string(), confidence })),
});
export type AssignmentHint = z.infer<typeof assignmentHintSchema>;

/** Handling units and a category suggested per proposal, learned from the committee's own past. */
export const assignmentHintsSchema = z.object({
  items: z.array(assignmentHintSchema),
  /** How many earlier assigned (units) and accepted (categories) proposals they were learned from. */
  learnedFromAssigned: z.number(),
  learnedFromAccepted: z.number(),
});
export type AssignmentHints = z.infer<typeof assignmentHintsSchema>;
