import { SaxesParser } from 'saxes';
import type { ImportRowIssue } from '@cppcc/shared';
import { AppError } from './errors';
import { entryChunks, findEntry, inspectZip, type ZipEntry } from './zip-limits';

export interface SheetRow<H extends string> {
  /** Row number as shown in Excel (1-based, the header is row 1 when it is the first row). */
  rowNumber: number;
  /** Trimmed text of each known column; empty string for an empty cell. */
  values: Record<H, string>;
  /** Columns whose cell held a number (not a date): its text is the number's, not what Excel showed. */
  numeric: H[];
}

export interface SheetReadOptions<H extends string> {
  required?: readonly H[];
  /** Data rows with any content; reading stops at the first one past the limit. */
  maxRows?: number;
  /** Highest column that may hold content (100 = CV). */
  maxColumns?: number;
  /** Cells with content in the whole sheet, and entries of the shared string table. */
  maxCells?: number;
  /**
   * Other headers offices write for a column (所属活动小组 → 活动小组). Several columns may map to one
   * (工作单位, 职务 → 工作单位及职务): their texts are joined with a space, in column order.
   */
  aliases?: Readonly<Record<string, H>>;
  /** Headers of columns that hold nothing to read (序号, 备注): passed over, not refused as unknown. */
  ignored?: readonly string[];
}

export const sheetLimitDefaults = { maxColumns: 100, maxCells: 200_000 };

/** Rows above the header that may hold a title or the upper line of a two-level header. */
const headerSearchRows = 10;

/**
 * Reads a workbook's data sheet by its Chinese headers, in any column order: the first sheet whose top
 * rows hold the header (an instructions sheet before it is passed over). The header row is
 * the first of the top rows that names every `required` header (a title or merged group row above it
 * is passed over). Missing `required` headers, and a header that is neither known nor an alias (a column
 * that would be dropped), are an IMPORT_FAILED error naming them; completely empty rows are skipped.
 * Dates become `YYYY-MM-DD` text, numbers their plain text, formulas their cached result.
 *
 * The workbook is checked by its zip directory first, then its sheet is inflated and parsed as a
 * stream: reading stops as soon as a row, column or cell limit is passed, so memory and time stay
 * bounded by the limits, not by the file. Heavy for a 5 000-row sheet (≈0.5 s): callers on the
 * request path run it in a worker (modules/organisation/member-import-worker.ts).
 */
export async function readSheetByHeaders<H extends string>(
  content: Buffer,
  headers: readonly H[],
  options: SheetReadOptions<H> = {},
): Promise<{ headerRow: number; rows: SheetRow<H>[] }> {
  const maxColumns = options.maxColumns ?? sheetLimitDefaults.maxColumns;
  const maxCells = options.maxCells ?? sheetLimitDefaults.maxCells;
  const maxRows = options.maxRows ?? Infinity;
  const unreadable = () =>
    new AppError('UNSUPPORTED_MEDIA_TYPE', '无法读取该 Excel 文件，请使用导入模板填写后上传');
  const entries = await inspectZip(content).catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'PAYLOAD_TOO_LARGE' ? error : unreadable();
  });
  const part = (name: string) => findEntry(entries, name.replace(/^\//, ''));
  const workbook = await readSheetLocations(content, part);
  if (workbook.sheetPaths.length === 0)
    throw importFailed([{ row: 1, column: '', message: '文件中没有工作表' }]);
  const dateStyles = workbook.stylesPath
    ? await readDateStyles(content, part(workbook.stylesPath))
    : new Set<number>();
  const tooManyCells = (row: number) =>
    importFailed([
      { row, column: '', message: `表格中有内容的单元格最多 ${maxCells} 个，请删除多余内容或分批导入` },
    ]);
  const sharedStrings = workbook.sharedStringsPath
    ? await readSharedStrings(content, part(workbook.sharedStringsPath), maxCells, () => tooManyCells(1))
    : [];

  // The data sheet is the first whose top rows name the required columns: offices put an
  // instructions sheet (填表说明) before it. When none does, the first sheet's problem is reported.
  let firstFailure: AppError | undefined;
  for (const path of workbook.sheetPaths) {
    const entry = part(path);
    if (!entry) throw unreadable();
    try {
      return await readSheet(entry);
    } catch (error) {
      if (!(error instanceof NoHeaderInSheet)) throw error;
      firstFailure ??= error.failure;
    }
  }
  throw firstFailure!;

  async function readSheet(sheetEntry: ZipEntry): Promise<{ headerRow: number; rows: SheetRow<H>[] }> {
    let headerRow = 0;
    let firstFilledRow = 0;
    let firstCells = new Map<number, Cell>();
    const columnsOf = new Map<H, number[]>();
    const rows: SheetRow<H>[] = [];
    let filledCells = 0;
    const required = options.required ?? [];
    const headerOf = (text: string): H | undefined => {
      const plain = plainHeader(text);
      return headers.find((h) => h === plain) ?? options.aliases?.[plain];
    };

    /** No row near the top names the required columns: they are reported against the first row. */
    const missingHeaders = () => {
      const named = new Set([...firstCells.values()].map((c) => headerOf(c.text)));
      return importFailed(
        required
          .filter((h) => !named.has(h))
          .map((h) => ({ row: firstFilledRow, column: h, message: `缺少列“${h}”，请使用导入模板` })),
      );
    };

    /** Takes the row as the header when it names every required column; returns whether it did. */
    const takeHeader = (rowNumber: number, cells: Map<number, Cell>) => {
      const named = [...cells].sort((a, b) => a[0] - b[0]).map(([column, c]) => ({ column, text: c.text }));
      const known = new Set(named.map((n) => headerOf(n.text)).filter(Boolean));
      if (!required.every((h) => known.has(h))) return false;
      headerRow = rowNumber;
      const ignored = new Set(options.ignored ?? []);
      const unknown = named.filter((n) => !headerOf(n.text) && !ignored.has(plainHeader(n.text)));
      if (unknown.length > 0) {
        throw importFailed(
          unknown.map((n) => ({
            row: rowNumber,
            column: n.text,
            message: `无法识别的列“${n.text}”：该列内容不会导入，请改用模板中的列名或删除该列`,
          })),
        );
      }
      for (const { column, text } of named) {
        const header = headerOf(text);
        if (header) columnsOf.set(header, [...(columnsOf.get(header) ?? []), column]);
      }
      return true;
    };

    const onRow = (rowNumber: number, cells: Map<number, Cell>) => {
      if (!headerRow) {
        if (cells.size === 0) return;
        if (!firstFilledRow) [firstFilledRow, firstCells] = [rowNumber, cells];
        if (takeHeader(rowNumber, cells)) return;
        if (rowNumber - firstFilledRow + 1 >= headerSearchRows) throw new NoHeaderInSheet(missingHeaders());
        return;
      }
      const values = {} as Record<H, string>;
      const numeric: H[] = [];
      let empty = true;
      for (const h of headers) {
        const found = (columnsOf.get(h) ?? []).map((column) => cells.get(column)).filter(Boolean) as Cell[];
        const text = found.map((c) => c.text).join(' ');
        if (found.length === 1 && found[0]!.numeric) numeric.push(h);
        if (text !== '') empty = false;
        values[h] = text;
      }
      if (empty) return;
      rows.push({ rowNumber, values, numeric });
      if (rows.length > maxRows) {
        throw importFailed([
          { row: headerRow, column: '', message: `一次最多导入 ${maxRows} 行，请分批导入` },
        ]);
      }
    };

    const parser = new SaxesParser({ position: false });
    let rowNumber = 0;
    let cells = new Map<number, Cell>();
    let inRow = false;
    let cell: { column: number; type: string; style: number; value: string; inline: string } | null = null;
    let capture: 'value' | 'inline' | null = null;
    let phonetic = 0;
    parser.on('opentag', (tag) => {
      const name = localName(tag.name);
      const attributes = tag.attributes as Record<string, string>;
      if (name === 'row') {
        rowNumber = attributes.r ? Number(attributes.r) : rowNumber + 1;
        if (!Number.isSafeInteger(rowNumber) || rowNumber < 1) throw unreadable();
        cells = new Map();
        inRow = true;
        if (tag.isSelfClosing) finishRow();
      } else if (name === 'c' && inRow) {
        const previous = cell?.column ?? lastColumn;
        const column = attributes.r ? columnIndex(attributes.r) : previous + 1;
        if (!column) throw unreadable();
        cell = { column, type: attributes.t ?? 'n', style: Number(attributes.s ?? 0), value: '', inline: '' };
        lastColumn = column;
        if (tag.isSelfClosing) finishCell();
      } else if (cell && name === 'v') capture = 'value';
      else if (cell && name === 'rPh') phonetic++;
      else if (cell && name === 't' && !phonetic) capture = 'inline';
    });
    let lastColumn = 0;
    parser.on('text', (text) => {
      if (!cell || !capture) return;
      if (capture === 'value') cell.value += text;
      else cell.inline += text;
    });
    parser.on('closetag', (tag) => {
      const name = localName(tag.name);
      if (name === 'v' || name === 't') capture = null;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && cell) finishCell();
      else if (name === 'row' && inRow) finishRow();
    });
    function finishCell() {
      const c = cell!;
      cell = null;
      capture = null;
      const text = cellText(c, sharedStrings, dateStyles, workbook.date1904);
      if (text === '') return;
      if (c.column > maxColumns) {
        throw importFailed([
          {
            row: rowNumber,
            column: '',
            message: `表格最多 ${maxColumns} 列，第 ${rowNumber} 行第 ${columnName(c.column)} 列超出，请删除多余的列后重新导入`,
          },
        ]);
      }
      if (++filledCells > maxCells) throw tooManyCells(rowNumber);
      cells.set(c.column, { text, numeric: isNumberCell(c, dateStyles) });
    }
    function finishRow() {
      inRow = false;
      cell = null;
      lastColumn = 0;
      onRow(rowNumber, cells);
    }

    await parseXml(parser, content, sheetEntry, unreadable);
    if (!headerRow && firstFilledRow) throw new NoHeaderInSheet(missingHeaders());
    if (!headerRow)
      throw new NoHeaderInSheet(
        importFailed([{ row: 1, column: '', message: '文件是空的：第一行应为列标题' }]),
      );
    if (rows.length === 0)
      throw importFailed([{ row: headerRow + 1, column: '', message: '文件中没有数据行' }]);
    return { headerRow, rows };
  }
}

/** A sheet without the header row in its top rows: another sheet of the workbook may have it. */
class NoHeaderInSheet extends Error {
  constructor(readonly failure: AppError) {
    super(failure.message);
  }
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** A header as written, without spaces and the required-field star (*姓名 → 姓名). */
const plainHeader = (text: string) => text.replace(/\s+/g, '').replace(/[*＊]/g, '');

/** A cell's text, and whether it held a number (then Excel may have shown it otherwise: 1975.10 → 1975.1). */
interface Cell {
  text: string;
  numeric: boolean;
}

const isNumberCell = (cell: { type: string; style: number }, dateStyles: ReadonlySet<number>) =>
  cell.type === 'n' && !dateStyles.has(cell.style);

/** `B12` → 2; 0 for anything that is not a cell reference. */
function columnIndex(reference: string): number {
  const letters = /^([A-Z]{1,3})\d*$/i.exec(reference)?.[1]?.toUpperCase();
  if (!letters) return 0;
  let index = 0;
  for (const ch of letters) index = index * 26 + (ch.charCodeAt(0) - 64);
  return index;
}

function columnName(index: number): string {
  let name = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Feeds an entry to the parser chunk by chunk; a parser's own errors (malformed XML) are the file's fault. */
async function parseXml(
  parser: SaxesParser<{ position: false }>,
  content: Buffer,
  entry: ZipEntry | undefined,
  unreadable: () => AppError,
) {
  if (!entry) throw unreadable();
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of entryChunks(content, entry))
      parser.write(decoder.decode(chunk, { stream: true }));
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreadable();
  }
}

interface SheetLocations {
  /** Every sheet, in the workbook's order. */
  sheetPaths: string[];
  sharedStringsPath?: string;
  stylesPath?: string;
  date1904: boolean;
}

/** Where the sheets, the shared strings and the styles are, from the workbook and its relationships. */
async function readSheetLocations(
  content: Buffer,
  part: (name: string) => ZipEntry | undefined,
): Promise<SheetLocations> {
  const unreadable = () =>
    new AppError('UNSUPPORTED_MEDIA_TYPE', '无法读取该 Excel 文件，请使用导入模板填写后上传');
  const sheetIds: string[] = [];
  let date1904 = false;
  const workbook = new SaxesParser({ position: false });
  workbook.on('opentag', (tag) => {
    const name = localName(tag.name);
    const attributes = tag.attributes as Record<string, string>;
    if (name === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
    if (name === 'sheet') {
      const id = Object.entries(attributes).find(([key]) => key === 'id' || key.endsWith(':id'))?.[1];
      if (id) sheetIds.push(id);
    }
  });
  await parseXml(workbook, content, part('xl/workbook.xml'), unreadable);

  const targets = new Map<string, { type: string; target: string }>();
  const rels = new SaxesParser({ position: false });
  rels.on('opentag', (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    if (localName(tag.name) === 'Relationship' && attributes.Id && attributes.Target) {
      targets.set(attributes.Id, { type: attributes.Type ?? '', target: attributes.Target });
    }
  });
  const relsEntry = part('xl/_rels/workbook.xml.rels');
  if (relsEntry) await parseXml(rels, content, relsEntry, unreadable);
  const resolve = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  const byType = (suffix: string) => [...targets.values()].find((t) => t.type.endsWith(suffix))?.target;
  const sheetTargets = sheetIds.flatMap((id) => targets.get(id)?.target ?? []);
  const sharedStrings =
    byType('/sharedStrings') ?? (part('xl/sharedStrings.xml') ? 'sharedStrings.xml' : undefined);
  const styles = byType('/styles') ?? (part('xl/styles.xml') ? 'styles.xml' : undefined);
  return {
    sheetPaths: sheetTargets.map(resolve),
    sharedStringsPath: sharedStrings ? resolve(sharedStrings) : undefined,
    stylesPath: styles ? resolve(styles) : undefined,
    date1904,
  };
}

/** Built-in number formats that show dates or times (ECMA-376 18.8.30, with the CJK ones). */
const builtInDateFormats = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** A custom format is a date when, without its quoted text, escapes and [colour] parts, it has date letters. */
function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Indexes of the cell styles (`s` of a cell) whose number format shows a date. */
async function readDateStyles(content: Buffer, entry: ZipEntry | undefined): Promise<Set<number>> {
  const dateFormats = new Set(builtInDateFormats);
  const styles = new Set<number>();
  if (!entry) return styles;
  let inCellXfs = false;
  let index = 0;
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    const attributes = tag.attributes as Record<string, string>;
    if (name === 'numFmt' && isDateFormat(attributes.formatCode ?? ''))
      dateFormats.add(Number(attributes.numFmtId));
    else if (name === 'cellXfs') inCellXfs = true;
    else if (name === 'xf' && inCellXfs) {
      if (dateFormats.has(Number(attributes.numFmtId ?? 0))) styles.add(index);
      index++;
    }
  });
  parser.on('closetag', (tag) => {
    if (localName(tag.name) === 'cellXfs') inCellXfs = false;
  });
  await parseXml(
    parser,
    content,
    entry,
    () => new AppError('UNSUPPORTED_MEDIA_TYPE', '无法读取该 Excel 文件的样式'),
  );
  return styles;
}

/** The shared string table: the text of each `<si>`, rich-text runs joined, phonetic guides left out. */
async function readSharedStrings(
  content: Buffer,
  entry: ZipEntry | undefined,
  maxStrings: number,
  tooMany: () => AppError,
): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (name === 'si') current = '';
    else if (name === 'rPh') phonetic++;
    else if (name === 't' && current !== null && !phonetic) inText = true;
  });
  parser.on('text', (text) => {
    if (inText) current += text;
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    if (name === 't') inText = false;
    else if (name === 'rPh') phonetic--;
    else if (name === 'si' && current !== null) {
      if (strings.length >= maxStrings) throw tooMany();
      strings.push(current);
      current = null;
    }
  });
  await parseXml(
    parser,
    content,
    entry,
    () => new AppError('UNSUPPORTED_MEDIA_TYPE', '无法读取该 Excel 文件'),
  );
  return strings;
}

/** The cell's text as a user reads it: shared or inline strings trimmed, dates `YYYY-MM-DD`, numbers plain. */
function cellText(
  cell: { type: string; style: number; value: string; inline: string },
  sharedStrings: readonly string[],
  dateStyles: ReadonlySet<number>,
  date1904: boolean,
): string {
  switch (cell.type) {
    case 's':
      return (sharedStrings[Number(cell.value)] ?? '').trim();
    case 'inlineStr':
      return cell.inline.trim();
    case 'str':
      return cell.value.trim();
    case 'b':
      return cell.value.trim() === '' ? '' : String(cell.value.trim() === '1');
    case 'e':
      return '';
    default: {
      const raw = cell.value.trim();
      if (raw === '') return '';
      const number = Number(raw);
      if (!Number.isFinite(number)) return raw;
      if (dateStyles.has(cell.style)) {
        // Serial days since 1899-12-30 (25569 is 1970-01-01), or since 1904-01-01 in 1904 workbooks.
        const date = new Date(Math.round((number - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
        if (!Number.isNaN(date.getTime())) return date.toISOString().slice(0, 10);
      }
      return String(number);
    }
  }
}

export const importFailed = (rows: ImportRowIssue[]) =>
  new AppError('IMPORT_FAILED', `导入失败，共 ${rows.length} 处问题，未写入任何数据`, { rows });
