import { AlignmentType, Paragraph, Table, TableRow, TextRun, WidthType } from 'docx';
import { eq } from 'drizzle-orm';
import { formatDay, type ConsultationPlanDetail } from '@cppcc/shared';
import { committees } from '../../db/schema';
import type { ServiceContext } from '../../lib/actor';
import { getSettings } from '../../lib/settings';
import {
  centredTitle,
  chineseDate,
  heiti,
  line,
  pack,
  page,
  pageFooter,
  tableCell,
  textParagraphs,
  type ComposedFile,
} from '../../lib/word';
import { readPlan } from './presenter';

const quarterNames = ['第一季度', '第二季度', '第三季度', '第四季度'];

const heading = (text: string) =>
  new Paragraph({
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, font: heiti, size: 32 })],
  });

/** The summary sentence of the plan's progress: 共 10 项，已完成 4 项，进行中 3 项，未开展 3 项。 */
export const progressSentence = ({ counts: c }: Pick<ConsultationPlanDetail, 'counts'>) =>
  `本计划共列协商事项 ${c.total} ${c.unit}，已完成 ${c.done} ${c.unit}，进行中 ${c.inProgress} ${c.unit}，未开展 ${c.notStarted} ${c.unit}。`;

function quarterTable(items: ConsultationPlanDetail['items'], timeZone: string) {
  const header = new TableRow({
    tableHeader: true,
    children: [
      tableCell('序号', 8, { label: true }),
      tableCell('协商议题', 36, { label: true }),
      tableCell('形式', 14, { label: true }),
      tableCell('牵头专委会', 18, { label: true }),
      tableCell('进展', 24, { label: true }),
    ],
  });
  const rows = items.map(
    (item, n) =>
      new TableRow({
        children: [
          tableCell(String(n + 1), 8, { label: true }),
          tableCell(item.note ? `${item.topic}（${item.note}）` : item.topic, 36),
          tableCell(item.kindLabel, 14),
          tableCell(item.leadSpecialCommitteeName ?? '政协机关', 18),
          tableCell(
            [
              item.progressLabel,
              ...item.activities.map(
                (a) => `${formatDay(a.startsAt, timeZone)} ${a.topic}（${a.stateLabel}）`,
              ),
            ].join('；'),
            24,
          ),
        ],
      }),
  );
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] });
}

/**
 * The plan as an official document: its title, the approval (批准文号 and day) once approved, the
 * progress, then per quarter a table of the items with their form, lead special committee and progress.
 */
export async function composePlanDocument(ctx: ServiceContext, id: number): Promise<ComposedFile> {
  const plan = await readPlan(ctx, id);
  const settings = await getSettings(ctx.db, ctx.actor.committeeId);
  const [committee] = await ctx.db
    .select({ name: committees.name })
    .from(committees)
    .where(eq(committees.id, ctx.actor.committeeId));
  const approval =
    plan.state === 'approved' && plan.approvedOn
      ? [
          line(`批准文号：${plan.documentNumber ?? ''}`, { align: AlignmentType.CENTER }),
          line(`批准日期：${chineseDate(new Date(`${plan.approvedOn}T12:00:00Z`), 'UTC')}`, {
            align: AlignmentType.CENTER,
          }),
        ]
      : [line(`（${plan.stateLabel}，尚未经党委批准）`, { align: AlignmentType.CENTER })];
  const quarters = quarterNames.flatMap((name, q) => {
    const items = plan.items.filter((i) => i.quarter === q + 1);
    return items.length === 0
      ? []
      : [heading(`${name}（${items.length} 项）`), quarterTable(items, settings.timeZone)];
  });
  const content = await pack(
    [
      {
        properties: { page },
        footers: { default: pageFooter() },
        children: [
          centredTitle(committee!.name, 36, { after: 120 }),
          centredTitle(plan.title, 44, { after: 240 }),
          ...approval,
          ...textParagraphs(progressSentence(plan)),
          ...quarters,
        ],
      },
    ],
    plan.title,
  );
  return { fileName: `${plan.title}.docx`, content };
}
