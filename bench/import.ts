/**
 * Reading a member roster: time, peak memory and the event loop's worst delay, for a workbook of
 * 2 million cells (like the file of issue #15; now refused by its zip directory) and for a legal
 * 600-member roster, each by the earlier reader (ExcelJS loading the whole workbook on the event
 * loop) and by the current one (zip directory check, then a streamed parse in a worker thread).
 * Measures the reading only, not the database writes. Each case runs in its own child process, so
 * its peak RSS is its own. Run with `npm run bench:import` (or `npx tsx bench/import.ts`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { memberImportHeaders } from '@cppcc/shared';
import { assertXlsx } from '../packages/server/src/lib/xlsx';
import { readRosterOffThread } from '../packages/server/src/modules/organisation/member-import';
import { rosterFile } from '../packages/server/src/modules/organisation/fixtures';
import { buildZip, workbookParts } from '../packages/server/test/zip';

type FileKind = 'heavy' | 'roster';
type Reader = 'before' | 'after';

/**
 * 2 million cells: a header row, then 19 999 rows of 100 numeric cells; 6.8 MB compressed (the
 * issue's file was 5 MB: its cells compressed better), 58 MB inflated.
 */
function columnName(index: number): string {
  let name = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function heavyWorkbook(): Buffer {
  const header = [...memberImportHeaders, ...Array.from({ length: 85 }, (_, i) => `列${i}`)];
  const rows = [
    `<row r="1">${header.map((h, i) => `<c r="${columnName(i + 1)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('')}</row>`,
  ];
  for (let r = 2; r <= 20_000; r++) {
    rows.push(
      `<row r="${r}">${Array.from({ length: 100 }, (_, c) => `<c r="${columnName(c + 1)}${r}"><v>${(r + c) % 100}</v></c>`).join('')}</row>`,
    );
  }
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
  return buildZip([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', data: sheet }]);
}

function rosterWorkbook(): Promise<Buffer> {
  return rosterFile(
    Array.from({ length: 600 }, (_, i) => ({
      姓名: `委员${i}`,
      性别: i % 2 ? '女' : '男',
      民族: '汉族',
      出生年月: '1975-06',
      党派: '中共',
      界别: '经济界',
      专委会: '经济委员会',
      工作单位及职务: '某某公司 总经理',
      手机: `135${String(i).padStart(8, '0')}`,
      是否常委: '否',
      是否主席会成员: '否',
      届: '第五届',
      状态: '在任',
    })),
  );
}

/** The reader before the change: the whole workbook loaded by ExcelJS, then its rows walked. */
async function readBefore(content: Buffer): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  let rows = 0;
  workbook.worksheets[0]!.eachRow(() => rows++);
  if (rows - 1 > 5000) throw new Error('一次最多导入 5000 行，请分批导入');
  return rows - 1;
}

async function readAfter(content: Buffer): Promise<number> {
  await assertXlsx(content);
  return (await readRosterOffThread(content)).length;
}

async function runCase(path: string, reader: Reader) {
  const content = readFileSync(path);
  const rssBeforeMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const started = performance.now();
  let outcome: string;
  try {
    outcome = `${await (reader === 'before' ? readBefore : readAfter)(content)} 行`;
  } catch (error) {
    const { message, details } = error as Error & { details?: { rows?: { message: string }[] } };
    outcome = `拒绝：${message}${details?.rows ? `（${details.rows.map((r) => r.message).join('；')}）` : ''}`;
  }
  const ms = performance.now() - started;
  loop.disable();
  console.log(
    JSON.stringify({
      bytes: content.length,
      ms: Math.round(ms),
      rssBeforeMb,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      worstLoopDelayMs: Math.round(loop.max / 1e6),
      outcome,
    }),
  );
}

const [pathArg, readerArg] = process.argv.slice(2);
if (pathArg) {
  await runCase(pathArg, readerArg as Reader);
} else {
  const script = fileURLToPath(import.meta.url);
  // The files are made here, so that a case's peak memory is its reading, not the making.
  const dir = mkdtempSync(join(tmpdir(), 'cppcc-bench-import-'));
  const files: Record<FileKind, string> = {
    heavy: join(dir, 'heavy.xlsx'),
    roster: join(dir, 'roster.xlsx'),
  };
  writeFileSync(files.heavy, heavyWorkbook());
  writeFileSync(files.roster, await rosterWorkbook());
  const labels: Record<FileKind, string> = {
    heavy: '200 万单元格的工作簿',
    roster: '600 名委员的名单',
  };
  for (const kind of ['heavy', 'roster'] as const) {
    for (const reader of ['before', 'after'] as const) {
      const child = spawnSync(process.execPath, [...process.execArgv, script, files[kind], reader], {
        encoding: 'utf8',
      });
      const line = child.stdout.trim().split('\n').pop() ?? '';
      if (child.status !== 0 || !line.startsWith('{')) {
        console.log(
          `${labels[kind]}  ${reader === 'before' ? '改前' : '改后'}  失败：${child.stderr.slice(-500)}`,
        );
        continue;
      }
      const r = JSON.parse(line) as {
        bytes: number;
        ms: number;
        rssBeforeMb: number;
        peakRssMb: number;
        worstLoopDelayMs: number;
        outcome: string;
      };
      console.log(
        `${labels[kind]}（${(r.bytes / 1024 / 1024).toFixed(1)} MB）  ${reader === 'before' ? '改前' : '改后'}  ` +
          `${String(r.ms).padStart(6)} ms  RSS ${String(r.rssBeforeMb).padStart(4)} → 峰值 ${String(r.peakRssMb).padStart(5)} MB  ` +
          `事件循环最长阻塞 ${String(r.worstLoopDelayMs).padStart(5)} ms  ${r.outcome}`,
      );
    }
  }
  rmSync(dir, { recursive: true, force: true });
}
