import { open } from 'node:fs/promises';
import zlib from 'node:zlib';
import { AppError } from './errors';

/**
 * Reads a zip's central directory (what each entry declares it inflates to) without inflating
 * anything, so that an Office file (.xlsx, .docx — zip archives) can be refused by its uncompressed
 * size before it is opened; and inflates single entries with the declared size enforced, since a
 * directory can lie.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

export interface ZipLimits {
  maxEntries: number;
  maxTotalUncompressedBytes: number;
  /** Uncompressed to compressed size; deflate reaches ~1000 on zeros, real Office XML 5–30. */
  maxRatio: number;
  /** The ratio is checked only on entries larger than this: tiny entries compress oddly. */
  ratioCheckedAboveBytes: number;
}

/** Limits for uploaded Office documents: ample for any roster or Word attachment, far below a bomb. */
export const officeZipLimits: ZipLimits = {
  maxEntries: 2000,
  maxTotalUncompressedBytes: 50 * 1024 * 1024,
  maxRatio: 100,
  ratioCheckedAboveBytes: 1024 * 1024,
};

/** Random access to the archive's bytes: an in-memory upload or a stored file. */
interface ZipSource {
  size: number;
  read(offset: number, length: number): Promise<Buffer>;
}

const endOfDirectorySignature = 0x06054b50;
const zip64LocatorSignature = 0x07064b50;
const zip64EndSignature = 0x06064b50;
const directoryEntrySignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;
/** A directory of maxEntries entries with long names still fits; anything bigger is not an Office file. */
const maxDirectoryBytes = 8 * 1024 * 1024;

const corrupt = () =>
  new AppError('UNSUPPORTED_MEDIA_TYPE', '文件已损坏或不是有效的 Office 文档（zip 目录无法读取）');
const tooLarge = (message: string) => new AppError('PAYLOAD_TOO_LARGE', message);
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function readUInt64(buffer: Buffer, offset: number): number {
  const value = buffer.readBigUInt64LE(offset);
  // Anything past 2^53 is far beyond every limit; Infinity keeps the comparisons right.
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(value);
}

/** Whether the content starts like a zip archive (a local file header). */
export const looksLikeZip = (head: Buffer) =>
  head.length >= 4 && head.readUInt32LE(0) === localHeaderSignature;

async function readDirectory(source: ZipSource, limits: ZipLimits): Promise<ZipEntry[]> {
  const tailLength = Math.min(source.size, 22 + 0xffff);
  if (tailLength < 22) throw corrupt();
  const tailStart = source.size - tailLength;
  const tail = await source.read(tailStart, tailLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (
      tail.readUInt32LE(i) === endOfDirectorySignature &&
      i + 22 + tail.readUInt16LE(i + 20) <= tail.length
    ) {
      end = i;
      break;
    }
  }
  if (end < 0) throw corrupt();
  if (tail.readUInt16LE(end + 4) !== 0 || tail.readUInt16LE(end + 6) !== 0) throw corrupt(); // multi-disk
  let entryCount = tail.readUInt16LE(end + 10);
  let directorySize = tail.readUInt32LE(end + 12);
  let directoryOffset = tail.readUInt32LE(end + 16);
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || tail.readUInt32LE(locator) !== zip64LocatorSignature) throw corrupt();
    const zip64EndOffset = readUInt64(tail, locator + 8);
    if (!(zip64EndOffset + 56 <= source.size)) throw corrupt();
    const zip64End = await source.read(zip64EndOffset, 56);
    if (zip64End.readUInt32LE(0) !== zip64EndSignature) throw corrupt();
    entryCount = readUInt64(zip64End, 32);
    directorySize = readUInt64(zip64End, 40);
    directoryOffset = readUInt64(zip64End, 48);
  }
  if (entryCount > limits.maxEntries) {
    throw tooLarge(`文件包含的条目过多（超过 ${limits.maxEntries} 个），可能是恶意构造的压缩文件，已拒绝`);
  }
  if (directorySize > maxDirectoryBytes || !(directoryOffset + directorySize <= source.size)) throw corrupt();
  const directory = await source.read(directoryOffset, directorySize);

  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < entryCount; n++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== directoryEntrySignature) throw corrupt();
    const flags = directory.readUInt16LE(at + 8);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    if (at + 46 + nameLength + extraLength + commentLength > directory.length) throw corrupt();
    const entry: ZipEntry = {
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
      encrypted: (flags & 1) === 1,
    };
    if (
      entry.uncompressedSize === 0xffffffff ||
      entry.compressedSize === 0xffffffff ||
      entry.localHeaderOffset === 0xffffffff
    ) {
      readZip64Sizes(entry, directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Replaces the 32-bit placeholders by the zip64 extra field's values, which come in this order. */
function readZip64Sizes(entry: ZipEntry, extra: Buffer) {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + size) throw corrupt();
        const value = readUInt64(extra, field);
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + size;
  }
  throw corrupt();
}

function checkLimits(entries: ZipEntry[], limits: ZipLimits) {
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (total > limits.maxTotalUncompressedBytes) {
      throw tooLarge(
        `文件解压后超过 ${megabytes(limits.maxTotalUncompressedBytes)}，可能是损坏或恶意构造的文件（压缩炸弹），已拒绝`,
      );
    }
    if (
      entry.uncompressedSize > limits.ratioCheckedAboveBytes &&
      entry.uncompressedSize > entry.compressedSize * limits.maxRatio
    ) {
      throw tooLarge(
        `文件的压缩比异常（超过 ${limits.maxRatio} 倍），可能是恶意构造的文件（压缩炸弹），已拒绝`,
      );
    }
  }
}

function bufferSource(content: Buffer): ZipSource {
  return {
    size: content.length,
    read: async (offset, length) => content.subarray(offset, offset + length),
  };
}

/** The entries of an in-memory zip, refused (413) when they declare more than the limits allow. */
export async function inspectZip(content: Buffer, limits: ZipLimits = officeZipLimits): Promise<ZipEntry[]> {
  const entries = await readDirectory(bufferSource(content), limits);
  checkLimits(entries, limits);
  return entries;
}

/** The same check for a stored file, reading only its end and its directory. */
export async function inspectZipFile(path: string, limits: ZipLimits = officeZipLimits): Promise<ZipEntry[]> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const entries = await readDirectory(
      {
        size,
        async read(offset, length) {
          const buffer = Buffer.alloc(length);
          const { bytesRead } = await handle.read(buffer, 0, length, offset);
          return buffer.subarray(0, bytesRead);
        },
      },
      limits,
    );
    checkLimits(entries, limits);
    return entries;
  } finally {
    await handle.close();
  }
}

/** The entry by its name; zip names are case-sensitive but some writers change the case. */
export function findEntry(entries: readonly ZipEntry[], name: string): ZipEntry | undefined {
  const lower = name.toLowerCase();
  return entries.find((e) => e.name === name) ?? entries.find((e) => e.name.toLowerCase() === lower);
}

const understated = () =>
  tooLarge('文件解压后的内容比文件声明的多，可能是损坏或恶意构造的文件（压缩炸弹），已拒绝');

/**
 * Inflates one entry as a stream of chunks, stopping with a 413 as soon as more comes out than the
 * directory declared (the declared sizes are what the limits were checked on). The consumer may
 * stop early; the inflater is then destroyed.
 */
export async function* entryChunks(content: Buffer, entry: ZipEntry): AsyncGenerator<Buffer> {
  if (entry.encrypted) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '不支持加密的文件，请去掉密码后重新上传');
  const header = entry.localHeaderOffset;
  if (header + 30 > content.length || content.readUInt32LE(header) !== localHeaderSignature) throw corrupt();
  const start = header + 30 + content.readUInt16LE(header + 26) + content.readUInt16LE(header + 28);
  if (start + entry.compressedSize > content.length) throw corrupt();
  const data = content.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length > entry.uncompressedSize) throw understated();
    yield data;
    return;
  }
  if (entry.method !== 8) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '文件使用了不支持的压缩方式');
  const inflater = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
  inflater.end(data);
  let produced = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      produced += chunk.length;
      if (produced > entry.uncompressedSize) throw understated();
      yield chunk;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw corrupt();
  } finally {
    inflater.destroy();
  }
}

/** A whole (small) entry as text, with the same enforcement. */
export async function entryText(content: Buffer, entry: ZipEntry): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of entryChunks(content, entry)) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}
