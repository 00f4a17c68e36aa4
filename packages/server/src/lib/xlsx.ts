import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import type { FastifyReply } from 'fastify';
import { formatDay } from '@cppcc/shared';
import { AppError } from './errors';
import { inspectZip, looksLikeZip } from './zip-limits';

// Reading lives in its own module, free of ExcelJS, so that a worker thread loads it quickly.
export {
  importFailed,
  readSheetByHeaders,
  sheetLimitDefaults,
  type SheetReadOptions,
  type SheetRow,
} from './sheet-reader';

export const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type CellValue = string | number | boolean | Date | null | undefined;

/** One column of an exported list: a Chinese header and how to read the value from a row. */
export interface XlsxColumn<T> {
  header: string;
  value: (row: T) => CellValue;
  /** Column width in characters; defaults to a width fitting the header and values. */
  width?: number;
}

/**
 * Writes rows as a styled one-sheet workbook: bold shaded header, frozen header row, auto-filter,
 * thin borders and widths that fit Chinese text (a CJK character counts as two).
 */
export async function writeXlsx<T>(
  sheetName: string,
  columns: XlsxColumn<T>[],
  rows: readonly T[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '政协履职平台';
  workbook.created = new Date();
  // Excel refuses sheet names over 31 characters or with []:*?/\
  const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.addRow(columns.map((c) => c.header));
  for (const row of rows) sheet.addRow(columns.map((c) => normaliseCell(c.value(row))));

  const border: Partial<ExcelJS.Borders> = {
    top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
    left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
    bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
    right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  };
  sheet.eachRow((row, rowNumber) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = border;
      cell.alignment = { vertical: 'middle', wrapText: rowNumber > 1 };
      if (rowNumber === 1) {
        cell.font = { bold: true };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
        cell.alignment = { vertical: 'middle', horizontal: 'center' };
      }
    });
  });
  columns.forEach((c, i) => {
    const values = [c.header, ...rows.slice(0, 200).map((r) => formatForWidth(c.value(r)))];
    const fitted = Math.max(...values.map(displayWidth)) + 2;
    sheet.getColumn(i + 1).width = c.width ?? Math.min(Math.max(fitted, 8), 50);
  });
  if (columns.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function normaliseCell(value: CellValue): string | number | boolean | Date | null {
  if (value === undefined || value === null) return null;
  return value;
}

function formatForWidth(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return '0000-00-00';
  return String(value);
}

/** Width in Excel character units: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
        ? 2
        : 1;
  return width;
}

/** `attachment` with an ASCII fallback and the real (Chinese) name as RFC 5987 `filename*`. */
export function contentDisposition(fileName: string): string {
  // Old clients read only `filename`: keep its ASCII part (date, extension) under a neutral stem.
  const ascii = fileName.replace(/[^\x20-\x7e]+/g, '').replace(/["\\]/g, '');
  const fallback = /^[A-Za-z0-9]/.test(ascii) ? ascii : `export${ascii}`;
  // RFC 5987 does not allow ' ( ) * unencoded; encodeURIComponent leaves them.
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Sends a workbook as a download. */
export function sendXlsx(reply: FastifyReply, fileName: string, content: Buffer) {
  return reply
    .header('content-type', xlsxMime)
    .header('content-disposition', contentDisposition(fileName))
    .header('cache-control', 'no-store')
    .send(content);
}

/** `名单-2024-06-01.xlsx`: exports carry the day they were taken, in the committee's zone, not the server's. */
export const datedFileName = (base: string, timeZone: string, now = new Date()) =>
  `${base}-${formatDay(now, timeZone)}.xlsx`;

/**
 * Refuses anything that is not really an .xlsx workbook, whatever its name or declared type says,
 * and a workbook whose zip directory declares more than the upload limits (a zip bomb), before any
 * part of it is inflated.
 */
export async function assertXlsx(content: Buffer): Promise<void> {
  const notXlsx = new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    '文件不是有效的 Excel（.xlsx）文件，请使用导入模板填写后上传',
  );
  if (!looksLikeZip(content)) throw notXlsx;
  await inspectZip(content);
  const type = await fileTypeFromBuffer(content).catch(() => undefined);
  if (type?.ext !== 'xlsx') throw notXlsx;
}
