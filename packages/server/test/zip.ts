// Hand-built zip files for tests of upload limits: minimal workbooks and zip bombs, made in milliseconds.
import zlib from 'node:zlib';

export interface ZipEntryInput {
  name: string;
  /** The entry's content, deflated by the builder. */
  data?: Buffer | string;
  /** Already deflated content (raw deflate) and what the directory should declare it inflates to. */
  deflated?: { data: Buffer; uncompressedSize: number; crc32?: number };
  /** Overrides the uncompressed size written in the headers (a lying directory). */
  declaredSize?: number;
}

/** A zip archive with deflated entries, local headers and a central directory, no zip64. */
export function buildZip(entries: ZipEntryInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    let compressed: Buffer;
    let size: number;
    let crc: number;
    if (entry.deflated) {
      compressed = entry.deflated.data;
      size = entry.deflated.uncompressedSize;
      crc = entry.deflated.crc32 ?? 0;
    } else {
      const raw = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data ?? '', 'utf8');
      compressed = zlib.deflateRawSync(raw);
      size = raw.length;
      crc = zlib.crc32(raw);
    }
    size = entry.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(Math.min(size, 0xfffffffe), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(Math.min(size, 0xfffffffe), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * Raw deflate data that inflates to `bytes` zeros (a multiple of 16 MB), built from one compressed
 * 16 MB block repeated: full-flush blocks are byte-aligned and independent, so copies concatenate.
 */
export function deflatedZeros(bytes: number): { data: Buffer; uncompressedSize: number } {
  const block = 16 * 1024 * 1024;
  const piece = zlib.deflateRawSync(Buffer.alloc(block), { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const copies = Math.ceil(bytes / block);
  const finalEmptyBlock = zlib.deflateRawSync(Buffer.alloc(0));
  return {
    data: Buffer.concat([...Array.from({ length: copies }, () => piece), finalEmptyBlock]),
    uncompressedSize: copies * block,
  };
}

const contentTypes = (kind: 'xlsx' | 'docx') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${
    kind === 'xlsx'
      ? '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
      : '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
  }</Types>`;

const packageRels = (target: string, type: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${type}" Target="${target}"/></Relationships>`;

const relationshipType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

/** Content types and the package relationship to the main part: what every Office file starts with. */
const packageParts = (kind: 'xlsx' | 'docx', mainPart: string): ZipEntryInput[] => [
  { name: '[Content_Types].xml', data: contentTypes(kind) },
  { name: '_rels/.rels', data: packageRels(mainPart, `${relationshipType}officeDocument`) },
];

/** The parts every workbook has besides its sheet: content types, relationships, the workbook. */
export function workbookParts(): ZipEntryInput[] {
  return [
    ...packageParts('xlsx', 'xl/workbook.xml'),
    {
      name: 'xl/workbook.xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="委员名单" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: packageRels('worksheets/sheet1.xml', `${relationshipType}worksheet`),
    },
  ];
}

/** The parts of a Word document, for a .docx whose body is given. */
export const documentParts = (): ZipEntryInput[] => packageParts('docx', 'word/document.xml');

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function columnName(index: number): string {
  let name = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Sheet XML of inline strings, one `<row>` per row; empty texts leave their cell out. */
export function sheetXml(rows: readonly (readonly string[])[]): string {
  const body = rows
    .map(
      (cells, r) =>
        `<row r="${r + 1}">${cells
          .map((text, c) =>
            text === ''
              ? ''
              : `<c r="${columnName(c + 1)}${r + 1}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`,
          )
          .join('')}</row>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

/** A one-sheet workbook of inline strings, written directly (ExcelJS takes seconds for 100 000 cells). */
export function plainXlsx(rows: readonly (readonly string[])[]): Buffer {
  return buildZip([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', data: sheetXml(rows) }]);
}
