import { AlignmentType, BorderStyle, Paragraph, TextRun } from 'docx';
import { eq } from 'drizzle-orm';
import { formatDateTime, formatIssueNumber, type ListOpinionsQuery } from '@cppcc/shared';
import { committees } from '../../db/schema';
import type { ServiceContext } from '../../lib/actor';
import { getSettings } from '../../lib/settings';
import {
  body,
  centredTitle,
  chineseDate,
  gap,
  heiti,
  pack,
  page,
  pageFooter,
  red,
  textParagraphs,
  type ComposedFile,
} from '../../lib/word';
import { datedFileName, writeXlsx } from '../../lib/xlsx';
import { issueLabel, loadIssue, loadIssueArticles } from './issues';
import { exportOpinionRows } from './queries';

const rule = (space = 4) =>
  new Paragraph({
    border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: red, space } },
    spacing: { after: 360 },
    children: [],
  });

/**
 * An issue as printed: the 报头 (series in red, issue number, compiling office and date over a red
 * rule), the articles each under its title with the contributors, and the 报送 / 抄送 lines at the foot.
 */
export async function composeIssueDocument(ctx: ServiceContext, id: number): Promise<ComposedFile> {
  const { issue } = await loadIssue(ctx, id);
  const articles = await loadIssueArticles(ctx, id);
  const settings = await getSettings(ctx.db, ctx.actor.committeeId);
  const [committee] = await ctx.db
    .select({ name: committees.name })
    .from(committees)
    .where(eq(committees.id, issue.committeeId));
  const office = `${committee!.name}办公室`;
  const printedOn = chineseDate(issue.sentAt ?? new Date(), settings.timeZone);
  const masthead = [
    centredTitle(issue.series, 88, { color: red, before: 240, after: 120 }),
    centredTitle(formatIssueNumber(issue.year, issue.number), 32, { after: 240 }),
    new Paragraph({
      tabStops: [{ type: 'right', position: 8800 }],
      children: [
        new TextRun({ text: `${office}编`, font: body, size: 28 }),
        new TextRun({ text: `\t${printedOn}`, font: body, size: 28 }),
      ],
    }),
    rule(),
  ];
  const articleParagraphs = articles.flatMap((a, i) => [
    ...(i > 0 ? [new Paragraph({ spacing: { before: 240 }, children: [] })] : []),
    centredTitle(a.title, 40, { before: 120, after: 120 }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: `（${a.contributors.join('、') || '—'}）`, font: body, size: 28 })],
    }),
    ...textParagraphs(a.content),
  ]);
  const foot = [
    new Paragraph({
      spacing: { before: 600 },
      border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 } },
      children: [new TextRun({ text: `报送：${issue.reportTo.join('、') || '—'}`, font: body, size: 28 })],
    }),
    new Paragraph({
      children: [new TextRun({ text: `抄送：${issue.copyTo.join('、') || '—'}`, font: body, size: 28 })],
    }),
    new Paragraph({
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 } },
      children: [
        new TextRun({ text: `${office}${gap}${gap}`, font: heiti, size: 28 }),
        new TextRun({ text: `${printedOn}印发`, font: body, size: 28 }),
      ],
    }),
  ];
  const content = await pack(
    [
      {
        properties: { page },
        footers: { default: pageFooter() },
        children: [...masthead, ...articleParagraphs, ...foot],
      },
    ],
    issueLabel(issue),
  );
  return { fileName: `${issue.series}${formatIssueNumber(issue.year, issue.number)}.docx`, content };
}

/** The opinion list as a spreadsheet, with the list's filters. */
export async function composeOpinionExport(
  ctx: ServiceContext,
  query: ListOpinionsQuery,
): Promise<ComposedFile> {
  const settings = await getSettings(ctx.db, ctx.actor.committeeId);
  const rows = await exportOpinionRows(ctx, query);
  const at = (v: string | null) => (v ? formatDateTime(v, settings.timeZone) : '');
  const content = await writeXlsx(
    '社情民意信息',
    [
      { header: '序号', value: (r) => rows.indexOf(r) + 1, width: 6 },
      { header: '标题', value: (r) => r.title, width: 40 },
      { header: '类别', value: (r) => r.category },
      { header: '报送人', value: (r) => r.submitterName, width: 24 },
      { header: '状态', value: (r) => r.stateLabel },
      {
        header: '采用方式',
        value: (r) =>
          r.adoptionKind === 'combined' ? '综合采用' : r.adoptionKind === 'single' ? '单篇采用' : '',
      },
      { header: '反馈', value: (r) => r.feedback.join('；'), width: 30 },
      { header: '报送时间', value: (r) => at(r.submittedAt) },
      { header: '处理时间', value: (r) => at(r.decidedAt) },
    ],
    rows,
  );
  return { fileName: datedFileName('社情民意信息', settings.timeZone), content };
}
