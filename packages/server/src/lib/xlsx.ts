import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import type { FastifyReply } from 'fastify';
import type { ImportRowIssue } from '@cppcc/shared';
import { AppError } from './errors';

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

/** `名单-2024-06-01.xlsx`: exports carry the date they were taken. */
export const datedFileName = (base: string, now = new Date()) => `${base}-${isoDay(now)}.xlsx`;

const isoDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Refuses anything that is not really an .xlsx workbook, whatever its name or declared type says. */
export async function assertXlsx(content: Buffer): Promise<void> {
  const type = await fileTypeFromBuffer(content).catch(() => undefined);
  if (type?.ext !== 'xlsx') {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      '文件不是有效的 Excel（.xlsx）文件，请使用导入模板填写后上传',
    );
  }
}

export interface SheetRow<H extends string> {
  /** Row number as shown in Excel (1-based, the header is row 1 when it is the first row). */
  rowNumber: number;
  /** Trimmed text of each known column; empty string for an empty cell. */
  values: Record<H, string>;
}

/**
 * Reads the first sheet of a workbook by its Chinese headers (first non-empty row), in any column order.
 * Missing `required` headers are an IMPORT_FAILED error naming them; completely empty rows are skipped.
 * Dates become `YYYY-MM-DD` text, numbers their plain text, formulas their cached result.
 */
export async function readSheetByHeaders<H extends string>(
  content: Buffer,
  headers: readonly H[],
  options: { required?: readonly H[]; maxRows?: number } = {},
): Promise<{ headerRow: number; rows: SheetRow<H>[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '无法读取该 Excel 文件，请使用导入模板填写后上传');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw importFailed([{ row: 1, column: '', message: '文件中没有工作表' }]);

  let headerRow = 0;
  const columnOf = new Map<H, number>();
  sheet.eachRow((row, rowNumber) => {
    if (headerRow) return;
    const texts = (row.values as unknown[]).map((v) => cellText(v));
    if (texts.every((t) => t === '')) return;
    headerRow = rowNumber;
    texts.forEach((text, column) => {
      const header = headers.find((h) => h === text.replace(/\s+/g, '').replace(/[*＊]/g, ''));
      if (header && !columnOf.has(header)) columnOf.set(header, column);
    });
  });
  if (!headerRow) throw importFailed([{ row: 1, column: '', message: '文件是空的：第一行应为列标题' }]);
  const missing = (options.required ?? []).filter((h) => !columnOf.has(h));
  if (missing.length > 0) {
    throw importFailed(
      missing.map((h) => ({ row: headerRow, column: h, message: `缺少列“${h}”，请使用导入模板` })),
    );
  }

  const rows: SheetRow<H>[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber <= headerRow) return;
    const values = {} as Record<H, string>;
    let empty = true;
    for (const h of headers) {
      const column = columnOf.get(h);
      const text = column === undefined ? '' : cellText(row.getCell(column).value);
      if (text !== '') empty = false;
      values[h] = text;
    }
    if (!empty) rows.push({ rowNumber, values });
  });
  if (rows.length === 0)
    throw importFailed([{ row: headerRow + 1, column: '', message: '文件中没有数据行' }]);
  if (options.maxRows && rows.length > options.maxRows) {
    throw importFailed([
      { row: headerRow, column: '', message: `一次最多导入 ${options.maxRows} 行，请分批导入` },
    ]);
  }
  return { headerRow, rows };
}

export const importFailed = (rows: ImportRowIssue[]) =>
  new AppError('IMPORT_FAILED', `导入失败，共 ${rows.length} 处问题，未写入任何数据`, { rows });

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (Array.isArray(v.richText))
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text);
    if (v.error) return '';
    return '';
  }
  return String(value).trim();
}
