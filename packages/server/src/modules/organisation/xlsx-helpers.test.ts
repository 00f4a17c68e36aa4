import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors';
import { assertXlsx, contentDisposition, readSheetByHeaders, writeXlsx } from '../../lib/xlsx';

/** The shared xlsx helpers in lib/xlsx.ts, which other modules reuse for their exports and imports. */
describe('writeXlsx', () => {
  it('writes a styled sheet with Chinese headers, a frozen header row and a filter', async () => {
    const content = await writeXlsx(
      '名单',
      [
        { header: '姓名', value: (r: { name: string; n: number | null }) => r.name },
        { header: '数量', value: (r) => r.n },
      ],
      [
        { name: '张三', n: 3 },
        { name: '李四', n: null },
      ],
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(content as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('名单');
    expect(sheet.getRow(1).values).toEqual([undefined, '姓名', '数量']);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(2).getCell(2).value).toBe(3);
    expect(sheet.getRow(3).getCell(2).value).toBeNull();
    await expect(assertXlsx(content)).resolves.toBeUndefined();
  });
});

describe('readSheetByHeaders', () => {
  it('finds columns by header in any order and reads rich text, dates and numbers as text', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('S');
    sheet.addRow([]);
    sheet.addRow(['备注', '手机 ', '*姓名']);
    sheet.addRow([{ richText: [{ text: '富' }, { text: '文本' }] }, 13800000000, '王五']);
    sheet.addRow(['', '', '']);
    sheet.addRow([new Date(Date.UTC(1975, 5, 1)), '', '赵六']);
    const content = Buffer.from(await wb.xlsx.writeBuffer());
    const { headerRow, rows } = await readSheetByHeaders(content, ['姓名', '手机', '备注'] as const, {
      required: ['姓名'],
    });
    expect(headerRow).toBe(2);
    expect(rows).toEqual([
      { rowNumber: 3, values: { 姓名: '王五', 手机: '13800000000', 备注: '富文本' }, numeric: ['手机'] },
      { rowNumber: 5, values: { 姓名: '赵六', 手机: '', 备注: '1975-06-01' }, numeric: [] },
    ]);
  });

  it('reports missing required headers and refuses non-xlsx content', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').addRow(['姓名']);
    wb.worksheets[0]!.addRow(['王五']);
    const content = Buffer.from(await wb.xlsx.writeBuffer());
    const missing = await readSheetByHeaders(content, ['姓名', '手机'] as const, {
      required: ['姓名', '手机'],
    }).catch((e) => e);
    expect(missing).toBeInstanceOf(AppError);
    expect((missing as AppError).details).toEqual({
      rows: [{ row: 1, column: '手机', message: '缺少列“手机”，请使用导入模板' }],
    });
    const zipButNotXlsx = Buffer.from('PK\u0003\u0004not really a zip');
    await expect(assertXlsx(zipButNotXlsx)).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    await expect(assertXlsx(Buffer.from('%PDF-1.4'))).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('委员名单-2024-06-01.xlsx')).toBe(
      `attachment; filename="export-2024-06-01.xlsx"; filename*=UTF-8''${encodeURIComponent('委员名单')}-2024-06-01.xlsx`,
    );
    expect(contentDisposition("O'Neil (1).xlsx")).toContain("filename*=UTF-8''O%27Neil%20%281%29.xlsx");
  });
});
