// Helpers for tests of this module (matrix and route tests): build roster files and multipart bodies.
import { randomBytes } from 'node:crypto';
import { memberImportHeaders, type MemberImportHeader } from '@cppcc/shared';
import { writeXlsx } from '../../lib/xlsx';

export type RosterRow = Partial<Record<MemberImportHeader, string>>;

/** An .xlsx roster with the template's headers (or the given ones) and the rows. */
export function rosterFile(
  rows: RosterRow[],
  headers: readonly string[] = memberImportHeaders,
): Promise<Buffer> {
  return writeXlsx(
    '委员名单',
    headers.map((h) => ({ header: h, value: (r: RosterRow) => r[h as MemberImportHeader] ?? '' })),
    rows,
  );
}

/** A multipart/form-data body with one file field, as a browser sends it. */
export function multipartFile(
  content: Buffer,
  filename: string,
  options: { field?: string; contentType?: string } = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----cppcc${randomBytes(8).toString('hex')}`;
  const head =
    `--${boundary}\r\n` +
    `Content-Disposition: form-data; name="${options.field ?? 'file'}"; filename="${filename}"\r\n` +
    `Content-Type: ${options.contentType ?? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head, 'utf8'), content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
