import { Paragraph, Table, TableRow, TextRun, WidthType } from 'docx';
import { eq } from 'drizzle-orm';
import {
  formatDateTime,
  listAttendanceQuery,
  type ListActivitiesQuery,
  type ListAttendanceQuery,
} from '@cppcc/shared';
import { committees } from '../../db/schema';
import type { ServiceContext } from '../../lib/actor';
import { authorize } from '../../lib/policy';
import { getSettings } from '../../lib/settings';
import {
  body,
  centredTitle,
  chineseDate,
  pack,
  page,
  pageFooter,
  tableCell,
  type ComposedFile,
} from '../../lib/word';
import { datedFileName, writeXlsx } from '../../lib/xlsx';
import { notFound } from '../../lib/errors';
import { loadActivityDetail } from './loader';
import { expectedResult } from './presenter';
import { activityRows, attendanceRows } from './queries';
import { kindOf } from './rules';
import { activityAccess, findActivity } from './workflow';

/** The activity list as a spreadsheet, with the list's filters. */
export async function composeActivityExport(
  ctx: ServiceContext,
  query: ListActivitiesQuery,
): Promise<ComposedFile> {
  const settings = await getSettings(ctx.db, ctx.actor.committeeId);
  const { items } = await activityRows(ctx, query, settings, false);
  const at = (v: string) => formatDateTime(v, settings.timeZone);
  const content = await writeXlsx(
    '履职活动',
    [
      { header: '序号', value: (r) => items.indexOf(r) + 1, width: 6 },
      { header: '活动主题', value: (r) => r.topic, width: 40 },
      { header: '类型', value: (r) => r.kindLabel, width: 16 },
      { header: '组织方', value: (r) => r.organiserName, width: 20 },
      { header: '开始时间', value: (r) => at(r.startsAt), width: 18 },
      { header: '结束时间', value: (r) => at(r.endsAt), width: 18 },
      { header: '地点', value: (r) => r.place, width: 24 },
      { header: '状态', value: (r) => r.stateLabel },
      { header: '邀请（人）', value: (r) => r.invitedCount },
      { header: '出席（人）', value: (r) => r.attendedCount },
      { header: '请假（人）', value: (r) => r.leaveCount },
    ],
    items,
  );
  return { fileName: datedFileName('履职活动', settings.timeZone), content };
}

/** Attendance rows as a spreadsheet: one activity's 出勤表, or any filter of the attendance list. */
export async function composeAttendanceExport(
  ctx: ServiceContext,
  query: ListAttendanceQuery,
): Promise<ComposedFile> {
  const settings = await getSettings(ctx.db, ctx.actor.committeeId);
  const { items } = await attendanceRows(ctx, query, settings, false);
  const at = (v: string | null) => (v ? formatDateTime(v, settings.timeZone) : '');
  const content = await writeXlsx(
    '出勤情况',
    [
      { header: '序号', value: (r) => items.indexOf(r) + 1, width: 6 },
      { header: '活动主题', value: (r) => r.topic, width: 36 },
      { header: '类型', value: (r) => r.kindLabel, width: 14 },
      { header: '活动时间', value: (r) => at(r.startsAt), width: 18 },
      { header: '委员', value: (r) => r.memberName, width: 10 },
      { header: '界别', value: (r) => r.sectorName, width: 16 },
      { header: '应出席', value: (r) => (r.mandatory ? '是' : '否') },
      { header: '出席情况', value: (r) => r.attendanceLabel ?? '未登记' },
      { header: '签到时间', value: (r) => at(r.signedInAt), width: 18 },
    ],
    items,
  );
  return { fileName: datedFileName('出勤情况', settings.timeZone), content };
}

/** One activity's 出勤表; an activity the caller may not see is not found. */
export async function composeActivityAttendance(ctx: ServiceContext, activityId: number) {
  const row = await findActivity(ctx.db, ctx.actor.committeeId, activityId);
  if (!row) throw notFound('活动');
  authorize(ctx.actor, 'seeRoster', 'activity', await activityAccess(ctx.db, row));
  return composeAttendanceExport(ctx, listAttendanceQuery.parse({ activityId, sort: 'memberName' }));
}

/**
 * The printable 签到表: the activity's heading, then one row per invitee (序号, 姓名, 界别, 签名 left
 * blank to sign on paper, 备注 with approved leave), for venues that sign in on paper too.
 */
export async function composeSignInSheet(ctx: ServiceContext, activityId: number): Promise<ComposedFile> {
  const data = await loadActivityDetail(ctx.db, ctx.actor.committeeId, activityId);
  if (!data) throw notFound('活动');
  authorize(ctx.actor, 'seeRoster', 'activity', data.access);
  const settings = await getSettings(ctx.db, ctx.actor.committeeId);
  const [committee] = await ctx.db
    .select({ name: committees.name })
    .from(committees)
    .where(eq(committees.id, ctx.actor.committeeId));
  const kind = kindOf(settings, data.row.kind);
  const header = new TableRow({
    tableHeader: true,
    children: [
      tableCell('序号', 8, { label: true }),
      tableCell('姓名', 18, { label: true }),
      tableCell('界别', 26, { label: true }),
      tableCell('签名', 28, { label: true }),
      tableCell('备注', 20, { label: true }),
    ],
  });
  const rows = data.invitations.map(
    ({ i, memberName, sectorName, leaveState }, n) =>
      new TableRow({
        children: [
          tableCell(String(n + 1), 8, { label: true }),
          tableCell(memberName, 18),
          tableCell(sectorName, 26),
          tableCell('', 28),
          tableCell(
            expectedResult(i.attendance, leaveState, kind) === 'leave' ? '请假' : i.mandatory ? '' : '列席',
            20,
          ),
        ],
      }),
  );
  const meta = (text: string) =>
    new Paragraph({ spacing: { after: 60 }, children: [new TextRun({ text, font: body, size: 28 })] });
  const content = await pack(
    [
      {
        properties: { page },
        footers: { default: pageFooter() },
        children: [
          centredTitle(`${committee!.name}${kind.label}签到表`, 40, { after: 120 }),
          centredTitle(data.row.topic, 32, { after: 240 }),
          meta(
            `时间：${formatDateTime(data.row.startsAt, settings.timeZone)} 至 ${formatDateTime(data.row.endsAt, settings.timeZone)}`,
          ),
          meta(`地点：${data.row.place}`),
          meta(
            `应到 ${data.invitations.length} 人，实到＿＿人。${chineseDate(data.row.startsAt, settings.timeZone)}`,
          ),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }),
        ],
      },
    ],
    `${data.row.topic}签到表`,
  );
  return { fileName: `${data.row.topic}-签到表.docx`, content };
}
