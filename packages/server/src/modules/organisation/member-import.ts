import { Worker } from 'node:worker_threads';
import { and, desc, eq } from 'drizzle-orm';
import {
  genderLabels,
  maxSpecialCommitteesPerMember,
  ethnicGroups,
  memberImportExample,
  memberImportHeaderAliases,
  memberImportIgnoredHeaders,
  memberImportHeaders,
  memberImportMaxRows,
  memberInputSchema,
  memberStatusLabels,
  memberStatuses,
  type ImportResult,
  type ImportRowIssue,
  type MemberImportHeader,
  type MemberImportPlan,
  type MemberImportPlanRow,
  type MemberInput,
} from '@cppcc/shared';
import type { DbOrTx } from '../../db/client';
import {
  contactPoints,
  memberGroups,
  memberSpecialCommittees,
  members,
  sectors,
  specialCommittees,
  terms,
} from '../../db/schema';
import type { ServiceContext } from '../../lib/actor';
import { writeAudit } from '../../lib/audit';
import { AppError } from '../../lib/errors';
import { authorize, collectionOf } from '../../lib/policy';
import { importFailed, writeXlsx, type SheetRow } from '../../lib/xlsx';
import type { RosterJob, RosterWorkerReply } from './member-import-worker';
import { withNameSpelling } from './member-search';

const requiredHeaders: MemberImportHeader[] = ['姓名', '性别', '民族', '出生年月', '党派', '界别', '手机'];

/** Input field → template column, to report schema problems under the column the user filled in. */
const columnOfField: Record<string, MemberImportHeader> = {
  name: '姓名',
  gender: '性别',
  ethnicity: '民族',
  birthMonth: '出生年月',
  party: '党派',
  sectorId: '界别',
  specialCommitteeIds: '专委会',
  groupId: '活动小组',
  contactPointId: '联系点',
  employer: '工作单位及职务',
  phone: '手机',
  isStandingMember: '是否常委',
  isLeader: '是否主席会成员',
  termId: '届',
  status: '状态',
};

interface Lookups {
  sectors: Map<string, number>;
  specialCommittees: Map<string, number>;
  groups: Map<string, number>;
  contactPoints: Map<string, number>;
  terms: { id: number; number: number; name: string }[];
  existingPhones: Map<string, string>;
}

async function loadLookups(db: DbOrTx, committeeId: number): Promise<Lookups> {
  const byName = (rows: { id: number; name: string }[]) => new Map(rows.map((r) => [r.name, r.id]));
  // Sequential: on the embedded database they share one connection anyway.
  const sectorRows = await db
    .select({ id: sectors.id, name: sectors.name })
    .from(sectors)
    .where(eq(sectors.committeeId, committeeId));
  const scRows = await db
    .select({ id: specialCommittees.id, name: specialCommittees.name })
    .from(specialCommittees)
    .where(eq(specialCommittees.committeeId, committeeId));
  const groupRows = await db
    .select({ id: memberGroups.id, name: memberGroups.name })
    .from(memberGroups)
    .where(eq(memberGroups.committeeId, committeeId));
  const cpRows = await db
    .select({ id: contactPoints.id, name: contactPoints.name })
    .from(contactPoints)
    .where(eq(contactPoints.committeeId, committeeId));
  const termRows = await db
    .select({ id: terms.id, number: terms.number, name: terms.name })
    .from(terms)
    .where(eq(terms.committeeId, committeeId))
    .orderBy(desc(terms.number));
  const phoneRows = await db
    .select({ phone: members.phone, name: members.name })
    .from(members)
    .where(eq(members.committeeId, committeeId));
  return {
    sectors: byName(sectorRows),
    specialCommittees: byName(scRows),
    groups: byName(groupRows),
    contactPoints: byName(cpRows),
    terms: termRows,
    existingPhones: new Map(phoneRows.map((r) => [r.phone, r.name])),
  };
}

const truthy = new Set(['是', 'y', 'yes', 'true', '1', '√']);
const falsy = new Set(['否', 'n', 'no', 'false', '0', '']);
const chineseDigits: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

const fullWidthDigits = /[０-９]/g;
const asciiDigit = (d: string) => String.fromCharCode(d.charCodeAt(0) - 0xfee0);

/** 138 0013 8000, １３８００１３８０００, +86 13800138000, 86-138-0013-8000 → 13800138000. */
export function normalisePhone(text: string): string {
  const digits = text.replace(fullWidthDigits, asciiDigit).replace(/[\s\-()（）]/g, '');
  const national = /^(?:\+?86)(1\d{10})$/.exec(digits);
  return national ? national[1]! : digits;
}

/** 张 三 → 张三: spaces typed between the characters of a Chinese name; 阿依古丽·买买提 keeps its dot. */
export const normaliseName = (text: string) => text.replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, '');

/** 汉 → 汉族: a nationality written without 族. */
export const normaliseEthnicity = (text: string) =>
  !text.endsWith('族') && ethnicGroups.includes(`${text}族`) ? `${text}族` : text;

/** A row's cells as offices type them, made into what the checks expect. */
function normaliseRow(row: SheetRow<MemberImportHeader>): SheetRow<MemberImportHeader> {
  const v = row.values;
  return {
    ...row,
    values: {
      ...v,
      姓名: normaliseName(v['姓名']),
      民族: normaliseEthnicity(v['民族']),
      手机: normalisePhone(v['手机']),
    },
  };
}

const isTemplateExample = (row: SheetRow<MemberImportHeader>) =>
  row.values['姓名'] === memberImportExample.姓名 && row.values['手机'] === memberImportExample.手机;

/** `1975-06`, `1975.6`, `1975/06`, `1975年6月`, or a date cell (`1975-06-01`) → `1975-06`. */
export function parseBirthMonth(text: string): string | null {
  const m = /^(\d{4})\s*[-./年]\s*(\d{1,2})(?:\s*月)?(?:[-./]\d{1,2}日?)?$/.exec(text.trim());
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}`;
}

/** `第五届`, `五届`, `5`, or the term's exact name. */
function resolveTerm(text: string, list: Lookups['terms']): number | null {
  const exact = list.find((t) => t.name === text);
  if (exact) return exact.id;
  const m = /^第?\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*届?$/.exec(text);
  if (!m) return null;
  const raw = m[1]!;
  let number = Number(raw);
  if (Number.isNaN(number)) {
    // 十一 = 11, 二十 = 20, 十 = 10
    const [a, b] = raw.split('十') as [string, string | undefined];
    number =
      b === undefined ? chineseDigits[a]! : (a ? chineseDigits[a]! : 1) * 10 + (b ? chineseDigits[b]! : 0);
  }
  return list.find((t) => t.number === number)?.id ?? null;
}

/** A contact point by its full name, or by a part of it that names exactly one (解放社区 → 城关镇解放社区委员工作室). */
function resolveContactPoint(
  text: string,
  byName: Map<string, number>,
  problem: (column: MemberImportHeader, message: string) => void,
): number | null {
  if (text === '') return null;
  const exact = byName.get(text);
  if (exact !== undefined) return exact;
  const matches = [...byName].filter(([name]) => name.includes(text));
  if (matches.length === 1) return matches[0]![1];
  problem(
    '联系点',
    matches.length === 0
      ? `未找到联系点“${text}”，请先在系统中添加或检查名称`
      : `联系点“${text}”可指 ${matches.map(([name]) => name).join('、')}，请写全称`,
  );
  return null;
}

const statusByLabel = new Map<string, (typeof memberStatuses)[number]>(
  memberStatuses.map((s) => [memberStatusLabels[s], s]),
);

/**
 * Turns one sheet row into a member input, collecting every problem of the row instead of stopping at
 * the first: names are resolved against the committee's own lists.
 */
function parseRow(
  row: SheetRow<MemberImportHeader>,
  lookups: Lookups,
  issues: ImportRowIssue[],
): MemberInput | null {
  const v = row.values;
  const problem = (column: MemberImportHeader, message: string) =>
    issues.push({ row: row.rowNumber, column, message });
  const before = issues.length;

  const gender =
    v['性别'] === ''
      ? undefined
      : (Object.entries(genderLabels).find(([, label]) => label === v['性别'])?.[0] as
          MemberInput['gender'] | undefined);
  if (v['性别'] !== '' && !gender) problem('性别', `性别应为“男”或“女”，不是“${v['性别']}”`);

  let birthMonth: string | undefined;
  if (row.numeric.includes('出生年月') && /^\d{4}\.1$/.test(v['出生年月'])) {
    // A number cell keeps 1975.10 as 1975.1: October and January cannot be told apart.
    problem(
      '出生年月',
      `出生年月“${v['出生年月']}”是数字格式，无法分辨 1 月还是 10 月，请改为文字，如 1975-10 或 1975-01`,
    );
  } else if (v['出生年月'] !== '') {
    birthMonth = parseBirthMonth(v['出生年月']) ?? undefined;
    if (!birthMonth) problem('出生年月', `出生年月“${v['出生年月']}”格式不正确，应如 1975-06`);
  }

  const resolve = (column: MemberImportHeader, map: Map<string, number>, what: string) => {
    const name = v[column];
    if (name === '') return null;
    const id = map.get(name);
    if (id === undefined) problem(column, `未找到${what}“${name}”，请先在系统中添加或检查名称`);
    return id ?? null;
  };
  const sectorId = resolve('界别', lookups.sectors, '界别');
  const groupId = resolve('活动小组', lookups.groups, '活动小组');
  const contactPointId = resolveContactPoint(v['联系点'], lookups.contactPoints, problem);

  const scNames = v['专委会']
    .split(/[、，,；;／/]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const specialCommitteeIds: number[] = [];
  if (scNames.length > maxSpecialCommitteesPerMember) {
    problem('专委会', `专委会最多 ${maxSpecialCommitteesPerMember} 个，填写了 ${scNames.length} 个`);
  } else if (new Set(scNames).size !== scNames.length) {
    problem('专委会', '专委会不能重复');
  } else {
    for (const name of scNames) {
      const id = lookups.specialCommittees.get(name);
      if (id === undefined) problem('专委会', `未找到专委会“${name}”`);
      else specialCommitteeIds.push(id);
    }
  }

  const flag = (column: MemberImportHeader) => {
    const text = v[column].toLowerCase();
    if (truthy.has(text)) return true;
    if (falsy.has(text)) return false;
    problem(column, `${column}应填“是”或“否”`);
    return false;
  };
  const isStandingMember = flag('是否常委');
  const isLeader = flag('是否主席会成员');

  let termId: number | null;
  if (v['届'] === '') {
    // An empty term means the current one: the roster is usually imported for it.
    termId = lookups.terms[0]?.id ?? null;
    if (termId === null) problem('届', '系统中还没有届次，请先添加届次');
  } else {
    termId = resolveTerm(v['届'], lookups.terms);
    if (termId === null) problem('届', `未找到届次“${v['届']}”`);
  }

  let status: MemberInput['status'] = 'active';
  if (v['状态'] !== '') {
    const found = statusByLabel.get(v['状态']) ?? memberStatuses.find((s) => s === v['状态']);
    if (found) status = found;
    else problem('状态', `状态应为：${[...statusByLabel.keys()].join('、')}`);
  }

  const candidate = {
    name: v['姓名'],
    gender,
    ethnicity: v['民族'],
    birthMonth: birthMonth ?? (v['出生年月'] === '' ? undefined : '0000-00'),
    party: v['党派'],
    sectorId: sectorId ?? (v['界别'] === '' ? undefined : 0),
    specialCommitteeIds,
    groupId,
    contactPointId,
    employer: v['工作单位及职务'] === '' ? null : v['工作单位及职务'],
    phone: v['手机'],
    isStandingMember,
    isLeader,
    termId: termId ?? 0,
    status,
  };
  const parsed = memberInputSchema.safeParse(candidate);
  if (!parsed.success) {
    // Columns that already have a problem from above are not reported twice.
    const reported = new Set(issues.slice(before).map((i) => i.column));
    for (const issue of parsed.error.issues) {
      const column = columnOfField[String(issue.path[0])] ?? '姓名';
      if (reported.has(column)) continue;
      reported.add(column);
      problem(column, issue.code === 'invalid_type' && v[column] === '' ? `请填写${column}` : issue.message);
    }
  }
  return issues.length === before && parsed.success ? parsed.data : null;
}

/**
 * Rows per insert statement. Drizzle builds a 600-row member insert in 200–300 ms of synchronous
 * work (measured), which would hold the event loop; 50 rows take 5–15 ms, and the awaits between
 * statements let other requests in. It also keeps every statement far under PostgreSQL's 65535
 * bind parameters (16 per member row).
 */
const insertChunkRows = 50;
function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A parse that has not answered by then is stopped: within the limits a file takes about a second. */
const rosterParseTimeoutMs = 30_000;

interface PendingRead {
  rows: SheetRow<MemberImportHeader>[];
  resolve(rows: SheetRow<MemberImportHeader>[]): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}
let rosterWorker: { worker: Worker; pending: Map<number, PendingRead> } | null = null;
let nextJobId = 1;

/**
 * The roster reader's worker thread, started at the first import and kept (unreferenced, so it
 * never holds the process open): starting one costs about a second of loading. Its heap is capped,
 * so a file that got past the limits costs the worker, which is then replaced, not the server.
 */
function rosterReader() {
  if (rosterWorker) return rosterWorker;
  const worker = new Worker(new URL('./member-import-worker.mjs', import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32 },
  });
  const reader = { worker, pending: new Map<number, PendingRead>() };
  const fail = (error: Error) => {
    if (rosterWorker === reader) rosterWorker = null;
    for (const [id, read] of reader.pending) {
      reader.pending.delete(id);
      clearTimeout(read.timer);
      read.reject(error);
    }
  };
  worker.on('message', (reply: RosterWorkerReply) => {
    const read = reader.pending.get(reply.id);
    if (!read) return;
    if (reply.kind === 'rows') {
      read.rows.push(...(reply.rows as SheetRow<MemberImportHeader>[]));
      return;
    }
    reader.pending.delete(reply.id);
    clearTimeout(read.timer);
    if (reply.kind === 'done') read.resolve(read.rows);
    else if (reply.kind === 'refused') read.reject(new AppError(reply.code, reply.message, reply.details));
    else read.reject(new Error(`roster reader failed: ${reply.message}`));
  });
  worker.on('error', (error: Error & { code?: string }) =>
    fail(
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new AppError('PAYLOAD_TOO_LARGE', '文件内容过多，无法读取，请分批导入')
        : error,
    ),
  );
  worker.on('exit', (code) => fail(new Error(`roster reader exited with code ${code}`)));
  // After the listeners: adding a 'message' listener refs the worker's port again.
  worker.unref();
  rosterWorker = reader;
  return reader;
}

/**
 * Reads the roster off the event loop: the worker checks the zip directory, then inflates and
 * parses the sheet as a stream with the row, column, cell and size limits, and returns plain rows.
 */
export function readRosterOffThread(content: Buffer): Promise<SheetRow<MemberImportHeader>[]> {
  const reader = rosterReader();
  const id = nextJobId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reader.pending.delete(id);
      reject(new AppError('PAYLOAD_TOO_LARGE', '文件内容过多，读取超时，请分批导入'));
      // Whatever else it was reading fails with it; the next import starts a new worker.
      void reader.worker.terminate();
    }, rosterParseTimeoutMs);
    reader.pending.set(id, { rows: [], resolve, reject, timer });
    const job: RosterJob = {
      id,
      content: new Uint8Array(content),
      headers: [...memberImportHeaders],
      required: requiredHeaders,
      aliases: { ...memberImportHeaderAliases },
      ignored: [...memberImportIgnoredHeaders],
      maxRows: memberImportMaxRows,
    };
    reader.worker.postMessage(job, [job.content.buffer as ArrayBuffer]);
  });
}

/** Rows checked between two turns of the event loop, so that checking 10 000 rows never holds it long. */
const rowsPerTurn = 50;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A row that passed every check: what it says, and which of its cells were filled. */
interface CheckedRow {
  rowNumber: number;
  input: MemberInput;
  filled: Set<MemberImportHeader>;
}

/**
 * Checks every row against the committee's names and against each other, collecting every problem.
 * A phone already in the committee is a problem unless the import updates existing members.
 */
async function checkRows(
  rows: SheetRow<MemberImportHeader>[],
  lookups: Lookups,
  options: { updateExisting: boolean },
) {
  const issues: ImportRowIssue[] = [];
  const checked: CheckedRow[] = [];
  const phoneRow = new Map<string, number>();
  for (const [index, sheetRow] of rows.entries()) {
    if (index > 0 && index % rowsPerTurn === 0) await nextTurn();
    const row = normaliseRow(sheetRow);
    if (isTemplateExample(row)) continue;
    const input = parseRow(row, lookups, issues);
    const phone = row.values['手机'];
    if (phone) {
      const firstRow = phoneRow.get(phone);
      if (firstRow !== undefined) {
        issues.push({
          row: row.rowNumber,
          column: '手机',
          message: `手机号 ${phone} 与第 ${firstRow} 行重复`,
        });
      } else {
        phoneRow.set(phone, row.rowNumber);
        const owner = lookups.existingPhones.get(phone);
        if (owner !== undefined && !options.updateExisting) {
          issues.push({
            row: row.rowNumber,
            column: '手机',
            message: `手机号 ${phone} 已被委员“${owner}”使用；要更新已有委员，请先预览再确认导入`,
          });
        }
      }
    }
    if (input) {
      const filled = new Set(memberImportHeaders.filter((h) => row.values[h] !== ''));
      checked.push({ rowNumber: row.rowNumber, input, filled });
    }
  }
  return { issues, checked };
}

/** A member as the import compares it: the stored fields and special committees. */
type StoredMember = MemberInput & { id: number };

async function membersByPhone(db: DbOrTx, committeeId: number): Promise<Map<string, StoredMember>> {
  const rows = await db.select().from(members).where(eq(members.committeeId, committeeId));
  const links = await db
    .select({ memberId: memberSpecialCommittees.memberId, id: memberSpecialCommittees.specialCommitteeId })
    .from(memberSpecialCommittees)
    .innerJoin(members, eq(members.id, memberSpecialCommittees.memberId))
    .where(eq(members.committeeId, committeeId));
  const committeesOf = new Map<number, number[]>();
  for (const l of links) committeesOf.set(l.memberId, [...(committeesOf.get(l.memberId) ?? []), l.id]);
  return new Map(
    rows.map((m) => [
      m.phone,
      {
        id: m.id,
        name: m.name,
        gender: m.gender,
        ethnicity: m.ethnicity,
        birthMonth: m.birthMonth,
        party: m.party,
        sectorId: m.sectorId,
        specialCommitteeIds: committeesOf.get(m.id) ?? [],
        groupId: m.groupId,
        contactPointId: m.contactPointId,
        employer: m.employer,
        phone: m.phone,
        isStandingMember: m.isStandingMember,
        isLeader: m.isLeader,
        termId: m.termId,
        status: m.status as MemberInput['status'],
      },
    ]),
  );
}

/** The fields an import row may change, in the template's order. */
const comparedFields = (Object.keys(columnOfField) as (keyof MemberInput)[]).filter((f) => f !== 'phone');

/** How a field's value reads in the preview: names, not ids. */
function displayValue(field: keyof MemberInput, value: unknown, lookups: Lookups): string {
  const nameOf = (map: Map<string, number>, id: unknown) =>
    [...map].find(([, v]) => v === id)?.[0] ?? (id === null || id === undefined ? '' : String(id));
  switch (field) {
    case 'gender':
      return genderLabels[value as keyof typeof genderLabels] ?? '';
    case 'sectorId':
      return nameOf(lookups.sectors, value);
    case 'groupId':
      return nameOf(lookups.groups, value);
    case 'contactPointId':
      return nameOf(lookups.contactPoints, value);
    case 'specialCommitteeIds':
      return (value as number[]).map((id) => nameOf(lookups.specialCommittees, id)).join('、');
    case 'termId':
      return lookups.terms.find((t) => t.id === value)?.name ?? '';
    case 'isStandingMember':
    case 'isLeader':
      return value ? '是' : '否';
    case 'status':
      return memberStatusLabels[value as keyof typeof memberStatusLabels] ?? String(value);
    default:
      return value === null || value === undefined ? '' : String(value);
  }
}

const sameValue = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',')
    : (a ?? null) === (b ?? null);

interface PlannedRow extends MemberImportPlanRow {
  input: MemberInput;
  memberId?: number;
  /** The fields to write on an existing member: only cells the file fills, and only if they differ. */
  update: Partial<MemberInput>;
}

/**
 * What an import would do with each row — a new member, an existing one (matched by phone) changed
 * field by field, or left as it is. An empty cell never clears what a member already has: offices
 * send files with the columns they keep, not always all of them.
 */
async function planRows(ctx: ServiceContext, content: Buffer, updateExisting: boolean) {
  const rows = await readRosterOffThread(content);
  const committeeId = ctx.actor.committeeId;
  // Read outside the transaction, as good as inside it at read committed: a name deleted meanwhile
  // fails the insert either way, and a phone taken meanwhile is refused by the unique index.
  const lookups = await loadLookups(ctx.db, committeeId);
  const { issues, checked } = await checkRows(rows, lookups, { updateExisting });
  if (issues.length > 0) throw importFailed(issues.sort((a, b) => a.row - b.row));
  const existing = updateExisting ? await membersByPhone(ctx.db, committeeId) : new Map();
  const planned: PlannedRow[] = checked.map(({ rowNumber, input, filled }) => {
    const stored = existing.get(input.phone);
    const base = { row: rowNumber, name: input.name, phone: input.phone, input };
    if (!stored) return { ...base, action: 'new', changes: [], update: {} };
    const update: Partial<MemberInput> = {};
    const changes: MemberImportPlanRow['changes'] = [];
    for (const field of comparedFields) {
      if (!filled.has(columnOfField[field]!)) continue;
      if (sameValue(stored[field], input[field])) continue;
      (update as Record<string, unknown>)[field] = input[field];
      changes.push({
        field: columnOfField[field]!,
        from: displayValue(field, stored[field], lookups),
        to: displayValue(field, input[field], lookups),
      });
    }
    return {
      ...base,
      memberId: stored.id,
      action: changes.length > 0 ? 'changed' : 'unchanged',
      changes,
      update,
    };
  });
  return planned;
}

const countsOf = (planned: PlannedRow[]) => ({
  created: planned.filter((r) => r.action === 'new').length,
  updated: planned.filter((r) => r.action === 'changed').length,
  unchanged: planned.filter((r) => r.action === 'unchanged').length,
});

/** The preview of an import: every row's action and changes; nothing is written. */
export async function previewMemberImport(ctx: ServiceContext, content: Buffer): Promise<MemberImportPlan> {
  authorize(ctx.actor, 'import', 'member', collectionOf(ctx.actor));
  const planned = await planRows(ctx, content, true);
  return {
    counts: countsOf(planned),
    rows: planned.map(({ row, name, phone, action, changes }) => ({ row, name, phone, action, changes })),
  };
}

/**
 * Validates every row; writes all rows in one transaction, or nothing when any row has a problem:
 * new members are created and, with `updateExisting`, members matched by phone get the fields the
 * file changes. The file is read off the event loop and the rows are checked before the transaction
 * opens, so the transaction — which holds the embedded database's one connection — only writes.
 */
export async function importMembers(
  ctx: ServiceContext,
  content: Buffer,
  fileName: string,
  options: { updateExisting: boolean } = { updateExisting: false },
): Promise<ImportResult> {
  authorize(ctx.actor, 'import', 'member', collectionOf(ctx.actor));
  const planned = await planRows(ctx, content, options.updateExisting);
  const committeeId = ctx.actor.committeeId;
  const fresh = planned.filter((r) => r.action === 'new').map((r) => r.input);
  const changed = planned.filter((r) => r.action === 'changed');

  return ctx.db.transaction(async (tx) => {
    const created: { id: number; phone: string }[] = [];
    for (const chunk of chunks(fresh, insertChunkRows)) {
      created.push(
        ...(await tx
          .insert(members)
          .values(
            chunk.map(({ specialCommitteeIds: _ignored, ...fields }) =>
              withNameSpelling({ ...fields, committeeId }),
            ),
          )
          .returning({ id: members.id, phone: members.phone })),
      );
    }
    const idOfPhone = new Map(created.map((c) => [c.phone, c.id]));
    const links = fresh.flatMap((input) =>
      input.specialCommitteeIds.map((specialCommitteeId) => ({
        memberId: idOfPhone.get(input.phone)!,
        specialCommitteeId,
      })),
    );
    for (const chunk of chunks(links, insertChunkRows))
      await tx.insert(memberSpecialCommittees).values(chunk);
    for (const row of changed) {
      const { specialCommitteeIds, ...fields } = row.update;
      if (Object.keys(fields).length > 0)
        await tx
          .update(members)
          .set({ ...withNameSpelling(fields), updatedAt: new Date() })
          .where(and(eq(members.id, row.memberId!), eq(members.committeeId, committeeId)));
      if (specialCommitteeIds) {
        await tx.delete(memberSpecialCommittees).where(eq(memberSpecialCommittees.memberId, row.memberId!));
        if (specialCommitteeIds.length > 0)
          await tx
            .insert(memberSpecialCommittees)
            .values(specialCommitteeIds.map((id) => ({ memberId: row.memberId!, specialCommitteeId: id })));
      }
    }
    const counts = countsOf(planned);
    await writeAudit(tx, ctx.actor, {
      action: 'member.import',
      targetType: 'member',
      summary: `从“${fileName}”导入委员：新增 ${counts.created} 名，更新 ${counts.updated} 名，未变 ${counts.unchanged} 名`,
      changes: {
        fileName,
        ...counts,
        memberIds: created.map((c) => c.id),
        updated: changed.map((r) => ({ memberId: r.memberId, changes: r.changes })),
      },
    });
    return counts;
  });
}

/** The import template: the headers and one example row filled with the committee's own names. */
export async function memberImportTemplate(ctx: ServiceContext): Promise<Buffer> {
  authorize(ctx.actor, 'import', 'member', collectionOf(ctx.actor));
  const committeeId = ctx.actor.committeeId;
  const first = async <T extends { name: string }>(rows: Promise<T[]>, fallback: string) =>
    (await rows)[0]?.name ?? fallback;
  const [sector, group, contactPoint, term, scRows] = await Promise.all([
    first(
      ctx.db
        .select({ name: sectors.name })
        .from(sectors)
        .where(eq(sectors.committeeId, committeeId))
        .orderBy(sectors.sortOrder)
        .limit(1),
      '经济界',
    ),
    first(
      ctx.db
        .select({ name: memberGroups.name })
        .from(memberGroups)
        .where(eq(memberGroups.committeeId, committeeId))
        .orderBy(memberGroups.id)
        .limit(1),
      '',
    ),
    first(
      ctx.db
        .select({ name: contactPoints.name })
        .from(contactPoints)
        .where(eq(contactPoints.committeeId, committeeId))
        .orderBy(contactPoints.id)
        .limit(1),
      '',
    ),
    first(
      ctx.db
        .select({ name: terms.name })
        .from(terms)
        .where(eq(terms.committeeId, committeeId))
        .orderBy(desc(terms.number))
        .limit(1),
      '第五届',
    ),
    ctx.db
      .select({ name: specialCommittees.name })
      .from(specialCommittees)
      .where(and(eq(specialCommittees.committeeId, committeeId), eq(specialCommittees.active, true)))
      .orderBy(specialCommittees.sortOrder)
      .limit(2),
  ]);
  const example: Record<MemberImportHeader, string> = {
    姓名: '张三',
    性别: '男',
    民族: '汉族',
    出生年月: '1975-06',
    党派: '中共',
    界别: sector,
    专委会: scRows.map((r) => r.name).join('、'),
    活动小组: group,
    联系点: contactPoint,
    工作单位及职务: '某某公司 总经理',
    手机: '13800000000',
    是否常委: '否',
    是否主席会成员: '否',
    届: term,
    状态: memberStatusLabels.active,
  };
  return writeXlsx(
    '委员名单',
    memberImportHeaders.map((h) => ({
      header: h,
      value: (r: Record<MemberImportHeader, string>) => r[h],
      width: h === '工作单位及职务' ? 28 : undefined,
    })),
    [example],
  );
}
