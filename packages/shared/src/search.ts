import { z } from 'zod';
import { codesOf } from './codes';
import { recordIdParam } from './ids';
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
