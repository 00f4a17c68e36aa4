import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProposalSheet } from './load';
import { compilationDocx } from './word';

/**
 * The compilation's 目录 carries its page numbers as written, so LibreOffice (which does not update
 * the field) and Word (without asking) show them. Held against LibreOffice's own layout: the file is
 * converted to PDF headless and each entry's number is the page its proposal starts on there.
 * Needs `soffice` and `pdftotext` (Debian: libreoffice-writer-nogui, poppler-utils; `.ci/run` installs them).
 */
const installed = (command: string, flag: string) =>
  spawnSync(command, [flag], { stdio: 'ignore' }).status === 0;
const available = installed('soffice', '--version') && installed('pdftotext', '-v');
const work = mkdtempSync(join(tmpdir(), 'cppcc-compilation-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const paragraph = (i: number) =>
  `第${i + 1}段，关于老旧小区改造中加装电梯、雨污分流和停车难等问题的具体情况分析与建议，涉及居民出行、资金筹措和后续管理维护等多个方面。`;
const sheets = Array.from({ length: 12 }, (_, i) => ({
  numberLabel: `第${String(i + 1).padStart(4, '0')}号`,
  title: `关于推进第${i + 1}项民生实事的提案`,
  proposers: '王建国、李秀兰',
  sectorName: '经济界',
  category: '社会建设',
  units: '区住房和城乡建设局（主办）',
  mergedFrom: [],
  // From 3 to 21 paragraphs: proposals of one page and of several.
  content: Array.from({ length: 3 + ((i * 7) % 19) }, (_, k) => paragraph(k)).join('\n'),
})) as unknown as ProposalSheet[];

describe.skipIf(!available)('the compilation’s table of contents', () => {
  it('has the page numbers LibreOffice lays the proposals out on, written clean', async () => {
    const docx = await compilationDocx('政协清河市金川区委员会', '五届三次会议', sheets, new Date());
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    expect(xml).not.toContain('w:dirty="true"');
    const file = join(work, '汇编.docx');
    writeFileSync(file, docx);
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${work}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        file,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const pdf = join(work, '汇编.pdf');
    const pageText = (n: number) =>
      execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-']).toString();
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())![1]);
    // The page each proposal's heading starts (the table of contents is on page 2).
    const startsOn = new Map<string, number>();
    for (let n = 3; n <= pages; n++) {
      const number = /第\s*(\d{4})\s*号/.exec(pageText(n))?.[1];
      if (number && !startsOn.has(number)) startsOn.set(number, n);
    }
    expect(startsOn.size).toBe(sheets.length);
    // The table of contents as LibreOffice shows it: each entry's number after its dot leader.
    const listed = new Map(
      [...pageText(2).matchAll(/第\s*(\d{4})\s*号.*?\.{3,}\s*(\d+)/g)].map((m) => [m[1]!, Number(m[2])]),
    );
    expect(listed).toEqual(startsOn);
  }, 180_000);
});
