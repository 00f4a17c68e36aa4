import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { buildZip, deflatedZeros, documentParts } from '../../test/zip';
import { storeUpload } from './storage';
import { entryText, findEntry, inspectZip, officeZipLimits } from './zip-limits';

const uploadDir = mkdtempSync(join(tmpdir(), 'cppcc-zip-limits-'));
afterAll(() => rmSync(uploadDir, { recursive: true, force: true }));
const config = { uploadDir, uploadMaxBytes: 20 * 1024 * 1024 };

const wordBody =
  '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>关于加强社区养老服务的提案</w:t></w:r></w:p></w:body></w:document>';

describe('zip directory limits', () => {
  it('reads what each entry declares without inflating it, and inflates an entry on request', async () => {
    const zip = buildZip([...documentParts(), { name: 'word/document.xml', data: wordBody }]);
    const entries = await inspectZip(zip);
    expect(entries.map((e) => e.name)).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    const body = findEntry(entries, 'word/document.xml')!;
    expect(body.uncompressedSize).toBe(Buffer.byteLength(wordBody));
    expect(await entryText(zip, body)).toBe(wordBody);
  });

  it('refuses too large a total, too many entries and too high a ratio, each with its limit', async () => {
    const total = buildZip([{ name: 'a.xml', deflated: deflatedZeros(64 * 1024 * 1024) }]);
    await expect(inspectZip(total)).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('解压后超过 50 MB'),
    });
    const many = buildZip(Array.from({ length: 2001 }, (_, i) => ({ name: `p${i}.xml`, data: 'x' })));
    await expect(inspectZip(many)).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('超过 2000 个'),
    });
    const dense = buildZip([{ name: 'a.xml', deflated: deflatedZeros(16 * 1024 * 1024) }]);
    await expect(inspectZip(dense)).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('压缩比异常（超过 100 倍）'),
    });
    // The same entry is fine under limits that allow it: the ratio check is what refused it.
    await expect(inspectZip(dense, { ...officeZipLimits, maxRatio: 2000 })).resolves.toHaveLength(1);
  });

  it('stops inflating an entry as soon as it passes its declared size', async () => {
    const zip = buildZip([
      { name: 'a.xml', deflated: { ...deflatedZeros(256 * 1024 * 1024), uncompressedSize: 1000 } },
    ]);
    const [entry] = await inspectZip(zip);
    const rssBefore = process.memoryUsage().rss;
    await expect(entryText(zip, entry!)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
  });
});

describe('attachment uploads', () => {
  it('refuses a zip bomb named .docx by its uncompressed size, keeping nothing', async () => {
    const bomb = buildZip([
      ...documentParts(),
      { name: 'word/document.xml', deflated: deflatedZeros(1024 * 1024 * 1024) },
    ]);
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const refused = await storeUpload(config, Readable.from([bomb]), '提案附件.docx').catch((e) => e);
    const elapsed = performance.now() - started;
    console.log(
      `docx bomb (${Math.round(bomb.length / 1024)} KB → 1024 MB): refused in ${elapsed.toFixed(0)} ms, ` +
        `rss growth ${Math.round((process.memoryUsage().rss - rssBefore) / 1024 / 1024)} MB`,
    );
    expect(refused).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('解压后超过'),
    });
    expect(readdirSync(join(uploadDir, 'tmp'))).toEqual([]);
    expect(() => readdirSync(join(uploadDir, 'objects'))).toThrow();
  });

  it('keeps an ordinary .docx', async () => {
    const doc = buildZip([...documentParts(), { name: 'word/document.xml', data: wordBody }]);
    const stored = await storeUpload(config, Readable.from([doc]), '提案附件.docx');
    expect(stored.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });
});
