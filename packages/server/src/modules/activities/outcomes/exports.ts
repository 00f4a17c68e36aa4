import {
  formatDay,
  type ListReadingNotesQuery,
  type ListSpeechesQuery,
  type ListSuggestionsQuery,
} from '@cppcc/shared';
import type { ServiceContext } from '../../../lib/actor';
import { getSettings } from '../../../lib/settings';
import type { ComposedFile } from '../../../lib/word';
import { datedFileName, writeXlsx, type XlsxColumn } from '../../../lib/xlsx';
import { readingNoteRows } from './reading-notes';
import { speechRows } from './speeches';
import { suggestionRows } from './suggestions';

/** The outcome lists as spreadsheets, with each list's filters. */

async function sheet<T>(
  ctx: ServiceContext,
  title: string,
  rows: (settings: Awaited<ReturnType<typeof getSettings>>) => Promise<{ items: T[] }>,
  columns: (day: (v: string | null) => string) => XlsxColumn<T>[],
): Promise<ComposedFile> {
  const settings = await getSettings(ctx.db, ctx.actor.committeeId);
  const { items } = await rows(settings);
  const day = (v: string | null) => (v ? formatDay(v, settings.timeZone) : '');
  const content = await writeXlsx(
    title,
    [{ header: '序号', value: (r: T) => items.indexOf(r) + 1, width: 6 }, ...columns(day)],
    items,
  );
  return { fileName: datedFileName(title, settings.timeZone), content };
}

export const composeSuggestionExport = (ctx: ServiceContext, query: ListSuggestionsQuery) =>
  sheet(
    ctx,
    '意见建议',
    (settings) => suggestionRows(ctx, query, settings, false),
    (day) => [
      { header: '建议内容', value: (r) => r.content, width: 50 },
      { header: '来源活动', value: (r) => r.activityTopic, width: 30 },
      { header: '活动类型', value: (r) => r.activityKindLabel, width: 14 },
      { header: '活动日期', value: (r) => day(r.activityStartsAt), width: 12 },
      { header: '报送部门', value: (r) => r.unitName ?? '', width: 20 },
      { header: '反馈期限', value: (r) => r.deadline ?? '', width: 12 },
      { header: '状态', value: (r) => `${r.stateLabel}${r.overdue ? '（逾期）' : ''}`, width: 12 },
      { header: '采纳情况', value: (r) => r.adoptionFeedback ?? '', width: 30 },
      { header: '采纳日期', value: (r) => r.adoptedOn ?? '', width: 12 },
      { header: '落实情况', value: (r) => r.implementationFeedback ?? '', width: 30 },
      { header: '落实日期', value: (r) => r.implementedOn ?? '', width: 12 },
    ],
  );

export const composeSpeechExport = (ctx: ServiceContext, query: ListSpeechesQuery) =>
  sheet(
    ctx,
    '会议发言',
    (settings) => speechRows(ctx, query, settings, false),
    (day) => [
      { header: '委员', value: (r) => r.memberName, width: 10 },
      { header: '发言题目', value: (r) => r.title, width: 40 },
      { header: '类别', value: (r) => r.occasionLabel, width: 10 },
      { header: '形式', value: (r) => r.modeLabel, width: 10 },
      { header: '活动', value: (r) => r.activityTopic, width: 30 },
      { header: '活动日期', value: (r) => day(r.activityStartsAt), width: 12 },
      { header: '状态', value: (r) => r.stateLabel, width: 12 },
    ],
  );

export const composeReadingNoteExport = (ctx: ServiceContext, query: ListReadingNotesQuery) =>
  sheet(
    ctx,
    '读书笔记',
    (settings) => readingNoteRows(ctx, query, settings, false),
    (day) => [
      { header: '委员', value: (r) => r.memberName, width: 10 },
      { header: '书名', value: (r) => `《${r.bookTitle}》`, width: 24 },
      { header: '笔记题目', value: (r) => r.title, width: 36 },
      { header: '读书活动', value: (r) => r.activityTopic ?? '', width: 30 },
      { header: '提交日期', value: (r) => day(r.createdAt), width: 12 },
      { header: '状态', value: (r) => r.stateLabel, width: 10 },
    ],
  );
