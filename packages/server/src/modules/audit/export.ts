import ExcelJS from 'exceljs';
import type { auditLog } from '../../db/schema';
import { actionLabel } from './service';

const columns: { header: string; width: number }[] = [
  { header: '时间', width: 20 },
  { header: '操作人', width: 14 },
  { header: '角色', width: 14 },
  { header: 'IP', width: 16 },
  { header: '操作', width: 16 },
  { header: '操作代码', width: 22 },
  { header: '对象类型', width: 12 },
  { header: '对象编号', width: 10 },
  { header: '摘要', width: 50 },
  { header: '变更内容', width: 60 },
];

/** Times are written as China Standard Time text so that the sheet reads the same anywhere. */
const chinaTime = (d: Date) =>
  new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

export async function writeAuditWorkbook(
  rows: (typeof auditLog.$inferSelect)[],
  roleLabel: (role: string) => string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '政协履职平台';
  const sheet = workbook.addWorksheet('审计日志', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow([
      chinaTime(r.createdAt),
      r.actorName ?? '（未登录）',
      r.actorRole ? roleLabel(r.actorRole) : '',
      r.ip ?? '',
      actionLabel(r.action),
      r.action,
      r.targetType ?? '',
      r.targetId ?? '',
      r.summary,
      r.changes == null ? '' : JSON.stringify(r.changes),
    ]);
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
