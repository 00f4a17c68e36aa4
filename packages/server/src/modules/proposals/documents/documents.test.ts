import { beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { as, type Session } from '../../../../test/harness';
import { useCommitteeApp } from '../../../../test/committee-app';
import {
  buildMember,
  buildSector,
  buildTerm,
  buildUnit,
  buildUser,
  signedInUser,
} from '../../../../test/factories';
import { eq } from 'drizzle-orm';
import { defaultTimeZone, formatDay } from '@cppcc/shared';
import { proposalProposers, proposals } from '../../../db/schema';
import {
  insertAnswer,
  insertProposal,
  insertRating,
  insertSession,
  insertUnitSlot,
} from '../figures/rows.fixture';

const t = useCommitteeApp({ committee: { name: '清河市金川区政协' } });
let sessionId: number;
let lead: { id: number };
let other: { id: number };
let unitId: number;
let ids: { accepted: number; answered: number; merged: number; draft: number; rejected: number };

beforeAll(async () => {
  const { committeeId } = t;
  const db = t.database.db;
  const term = await buildTerm(db, committeeId);
  sessionId = (await insertSession(db, { committeeId, termId: term.id })).id;
  const sector = await buildSector(db, committeeId, '教育界');
  lead = await buildMember(db, committeeId, {
    name: '王建国',
    sectorId: sector.id,
    termId: term.id,
    phone: '13809512345',
    employer: '区第一中学 教师',
  });
  const co = await buildMember(db, committeeId, { name: '李淑琴', sectorId: sector.id, termId: term.id });
  other = await buildMember(db, committeeId, { name: '赵其他', sectorId: sector.id, termId: term.id });
  const leadUnit = await buildUnit(db, committeeId, { name: '区教育局' });
  const coUnit = await buildUnit(db, committeeId, { name: '区民政局' });
  unitId = leadUnit.id;
  const staff = await buildUser(db, committeeId, ['proposalStaff']);
  const base = { committeeId, sessionId, createdBy: staff.id, leadMemberId: lead.id };

  const accepted = await insertProposal(db, {
    ...base,
    state: 'assigned',
    number: 23,
    kind: 'session',
    title: '关于加强青少年心理健康教育的提案',
    content: '近年来学生心理问题增多。\n建议配齐专职心理教师。',
  });
  await db.insert(proposalProposers).values([
    {
      committeeId,
      proposalId: accepted.id,
      memberId: lead.id,
      role: 'lead',
      status: 'confirmed',
      sortOrder: 0,
    },
    {
      committeeId,
      proposalId: accepted.id,
      memberId: co.id,
      role: 'co',
      status: 'confirmed',
      sortOrder: 1,
    },
  ]);
  await insertUnitSlot(db, { committeeId, proposalId: accepted.id, unitId: leadUnit.id, role: 'lead' });
  await insertUnitSlot(db, { committeeId, proposalId: accepted.id, unitId: coUnit.id, role: 'co' });

  const answered = await insertProposal(db, {
    ...base,
    state: 'answered',
    number: 24,
    title: '关于完善老年助餐服务体系的提案',
    answerCategory: 'B',
  });
  // The co-unit's slot written first: lists and the export still name the lead unit first.
  await insertUnitSlot(db, { committeeId, proposalId: answered.id, unitId: coUnit.id, role: 'co' });
  await insertUnitSlot(db, { committeeId, proposalId: answered.id, unitId: leadUnit.id, status: 'answered' });
  const answer = await insertAnswer(db, {
    committeeId,
    proposalId: answered.id,
    unitId: leadUnit.id,
    draftedBy: staff.id,
    category: 'B',
    text: '已将助餐点建设列入明年民生实事计划。',
    contactPerson: '刘经办',
    contactPhone: '0951-5011111',
    sentAt: new Date('2024-05-20T02:00:00Z'),
  });
  await insertRating(db, {
    committeeId,
    proposalId: answered.id,
    answerId: answer.id,
    memberId: lead.id,
    satisfaction: 'basicallySatisfied',
  });
  // A pending draft of a later round must not appear in the letter.
  await insertAnswer(db, {
    committeeId,
    proposalId: answered.id,
    unitId: leadUnit.id,
    draftedBy: staff.id,
    round: 2,
    state: 'draft',
    text: '尚未审核的草稿',
  });

  const merged = await insertProposal(db, {
    ...base,
    leadMemberId: other.id,
    state: 'merged',
    mergedIntoId: answered.id,
    title: '关于建设社区老年食堂的提案',
  });
  const draft = await insertProposal(db, { ...base, state: 'draft', title: '草稿中的提案' });
  const rejected = await insertProposal(db, { ...base, state: 'rejected', title: '不予立案的提案' });
  ids = {
    accepted: accepted.id,
    answered: answered.id,
    merged: merged.id,
    draft: draft.id,
    rejected: rejected.id,
  };
});

async function get(url: string, session: Session) {
  return t.app.inject({ method: 'GET', url, headers: as(session) });
}

async function documentXml(body: Buffer) {
  const zip = await JSZip.loadAsync(body);
  return zip.file('word/document.xml')!.async('string');
}

/** Visible text of a document.xml, runs joined. */
const textOf = (xml: string) => xml.replace(/<w:tab\/>/g, '\t').replace(/<[^>]+>/g, '');

describe('GET /api/proposals/:id/document.docx', () => {
  it('writes the official layout with number, title, proposers, sector, contact, units and content', async () => {
    const staff = await signedInUser(t.app, t.committeeId, ['proposalStaff']);
    const res = await get(`/api/proposals/${ids.accepted}/document.docx`, staff);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('第0023号提案.docx');
    const text = textOf(await documentXml(res.rawPayload));
    for (const expected of [
      '政协清河市金川区委员会',
      '提　案',
      '五届三次会议',
      '提案号第0023号',
      '案由关于加强青少年心理健康教育的提案',
      '提案人王建国、李淑琴',
      '界别教育界',
      '提案类型大会提案',
      '联系方式区第一中学 教师　13809512345',
      '承办单位主办：区教育局；协办：区民政局',
      '近年来学生心理问题增多。',
      '建议配齐专职心理教师。',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('is readable by the proposer and the assigned unit, not by another member', async () => {
    const proposer = await signedInUser(t.app, t.committeeId, ['member'], { memberId: lead.id });
    expect((await get(`/api/proposals/${ids.accepted}/document.docx`, proposer)).statusCode).toBe(200);
    const handler = await signedInUser(t.app, t.committeeId, ['unitHandler'], { unitId });
    expect((await get(`/api/proposals/${ids.accepted}/document.docx`, handler)).statusCode).toBe(200);
    const stranger = await signedInUser(t.app, t.committeeId, ['member'], { memberId: other.id });
    const refused = await get(`/api/proposals/${ids.accepted}/document.docx`, stranger);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().message).toBe('提案不存在或无权查看');
    expect((await get(`/api/proposals/abc/document.docx`, proposer)).statusCode).toBe(400);
  });
});

describe('GET /api/proposals/:id/answer-letter.docx', () => {
  it('writes the unit letter with title, category, text, contact and date of the approved answer', async () => {
    const proposer = await signedInUser(t.app, t.committeeId, ['member'], { memberId: lead.id });
    const res = await get(`/api/proposals/${ids.answered}/answer-letter.docx`, proposer);
    expect(res.statusCode, res.body).toBe(200);
    const text = textOf(await documentXml(res.rawPayload));
    for (const expected of [
      '区教育局',
      'B类',
      '关于政协清河市金川区五届三次会议第0024号提案的答复',
      '王建国委员：',
      '已将助餐点建设列入明年民生实事计划。',
      '答复类别：B类（正在解决或列入计划）',
      '协办单位：区民政局',
      '联系人：刘经办　　联系电话：0951-5011111',
      '2024年5月20日',
      '抄送：政协清河市金川区委员会提案委员会',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('尚未审核的草稿');
    // From the body's last paragraph to the date every paragraph keeps with the next (抄送 ends the
    // block): the signature never stands on a page alone.
    const xml = await documentXml(res.rawPayload);
    const paragraphs = xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g) ?? [];
    const index = (needle: string) => paragraphs.findIndex((p) => textOf(p).includes(needle));
    const block = paragraphs.slice(index('已将助餐点建设列入明年民生实事计划。'), index('抄送：'));
    expect(block.length).toBeGreaterThan(5);
    for (const p of block) expect(p, textOf(p)).toContain('<w:keepNext/>');
    expect(paragraphs[index('抄送：')]).not.toContain('<w:keepNext/>');
    expect(paragraphs[index('王建国委员：')]).not.toContain('<w:keepNext/>');
  });

  it('gives a merged proposal’s proposer the main proposal’s answer', async () => {
    const mergedProposer = await signedInUser(t.app, t.committeeId, ['member'], { memberId: other.id });
    const res = await get(`/api/proposals/${ids.merged}/answer-letter.docx`, mergedProposer);
    expect(res.statusCode, res.body).toBe(200);
    const text = textOf(await documentXml(res.rawPayload));
    expect(text).toContain('第0024号提案的答复');
    expect(text).toContain('赵其他委员：');
  });

  it('refuses a proposal without an approved answer with a clear message', async () => {
    const staff = await signedInUser(t.app, t.committeeId, ['proposalStaff']);
    const res = await get(`/api/proposals/${ids.accepted}/answer-letter.docx`, staff);
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('该提案尚无已审核的答复，不能生成答复函');
  });
});

describe('GET /api/plenary-sessions/:id/proposal-compilation.docx', () => {
  it('compiles the accepted proposals by number with a table of contents', async () => {
    const leader = await signedInUser(t.app, t.committeeId, ['leader']);
    const res = await get(`/api/plenary-sessions/${sessionId}/proposal-compilation.docx`, leader);
    expect(res.statusCode, res.body).toBe(200);
    const xml = await documentXml(res.rawPayload);
    expect(xml).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-1&quot;<\/w:instrText>/);
    // The contents are written with the entries already in, so the table reads right before Word updates it.
    const toc = textOf(xml.slice(xml.indexOf('<w:sdt>'), xml.indexOf('</w:sdt>')));
    // Each with its page (cover 1, contents 2, a proposal a page here), so no field refresh is asked for
    // (compilation-pages.test.ts holds the numbers against LibreOffice's layout).
    expect(toc).toMatch(/第0023号\u3000关于加强青少年心理健康教育的提案\tPAGEREF \S+ \\h3/);
    expect(toc).toMatch(/第0024号\u3000关于完善老年助餐服务体系的提案\tPAGEREF \S+ \\h4/);
    const settings = await (await JSZip.loadAsync(res.rawPayload)).file('word/settings.xml')!.async('string');
    expect(settings).not.toContain('w:updateFields');
    const text = textOf(xml);
    expect(text).toContain('提 案 汇 编');
    expect(text).toContain('目　录');
    const first = text.indexOf('第0023号　关于加强青少年心理健康教育的提案');
    const second = text.indexOf('第0024号　关于完善老年助餐服务体系的提案');
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    expect(xml.match(/w:val="Heading1"/g)?.length).toBe(2);
    // The merged proposal is not an entry of its own, but is named under the proposal it was merged into.
    expect(text).toContain('并案提案：《关于建设社区老年食堂的提案》（赵其他）');
    expect(text.indexOf('并案提案')).toBeGreaterThan(second);
    for (const excluded of ['草稿中的提案', '不予立案的提案']) expect(text).not.toContain(excluded);
  });

  it('is refused to members and units', async () => {
    const member = await signedInUser(t.app, t.committeeId, ['member'], { memberId: lead.id });
    const res = await get(`/api/plenary-sessions/${sessionId}/proposal-compilation.docx`, member);
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe('只有提案工作人员和主席会议成员可以导出提案汇编');
    const handler = await signedInUser(t.app, t.committeeId, ['unitHandler'], { unitId });
    expect(
      (await get(`/api/plenary-sessions/${sessionId}/proposal-compilation.docx`, handler)).statusCode,
    ).toBe(403);
  });
});

describe('GET /api/proposals/export.xlsx', () => {
  async function sheetRows(body: Buffer) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const rows: string[][] = [];
    workbook.worksheets[0]!.eachRow((row) =>
      rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))),
    );
    return rows;
  }

  it('exports what the list shows, with the figures’ stage filter', async () => {
    const staff = await signedInUser(t.app, t.committeeId, ['proposalStaff']);
    const all = await get(`/api/proposals/export.xlsx?sessionId=${sessionId}`, staff);
    expect(all.statusCode, all.body).toBe(200);
    expect(all.headers['content-type']).toContain('spreadsheetml');
    const rows = await sheetRows(all.rawPayload);
    expect(rows[0]!.slice(0, 3)).toEqual(['提案号', '案由', '类别']);
    const titles = rows.slice(1).map((r) => r[1]);
    // Drafts stay with their authors.
    expect(titles.sort()).toEqual(
      [
        '关于加强青少年心理健康教育的提案',
        '关于完善老年助餐服务体系的提案',
        '关于建设社区老年食堂的提案',
        '不予立案的提案',
      ].sort(),
    );
    const accepted = await sheetRows(
      (await get(`/api/proposals/export.xlsx?sessionId=${sessionId}&stage=accepted`, staff)).rawPayload,
    );
    expect(accepted.slice(1).map((r) => r[0])).toEqual(['第0023号', '第0024号']);
    expect(accepted[1]![7]).toBe('区教育局（主办）、区民政局（协办）');
  });

  it('lists by number, 主办 before 协办, with satisfaction on the committee’s basis, named by the local day', async () => {
    const db = t.database.db;
    // The list shows the latest change first; the register is read by number.
    await db
      .update(proposals)
      .set({ updatedAt: new Date(Date.now() + 60_000) })
      .where(eq(proposals.id, ids.answered));
    const staff = await signedInUser(t.app, t.committeeId, ['proposalStaff']);
    const res = await get(`/api/proposals/export.xlsx?sessionId=${sessionId}&stage=accepted`, staff);
    const rows = await sheetRows(res.rawPayload);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['第0023号', '第0024号']);
    const satisfaction = rows[0]!.indexOf('满意度（按件：以第一提案人的评价为准）');
    expect(satisfaction).toBeGreaterThan(-1);
    expect(rows[2]![satisfaction]).toBe('基本满意');
    expect(rows[2]![rows[0]!.indexOf('答复类别')]).toBe('B');
    expect(rows[2]![7]).toBe('区教育局（主办）、区民政局（协办）');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(
      `提案列表-${formatDay(new Date(), defaultTimeZone)}.xlsx`,
    );
  });

  it('gives a member only the own proposals and refuses bad filters', async () => {
    const member = await signedInUser(t.app, t.committeeId, ['member'], { memberId: other.id });
    const mine = await sheetRows((await get('/api/proposals/export.xlsx?view=mine', member)).rawPayload);
    expect(mine.slice(1).map((r) => r[1])).toEqual(['关于建设社区老年食堂的提案']);
    const all = await get('/api/proposals/export.xlsx?view=all', member);
    expect([403, 404]).toContain(all.statusCode);
    const bad = await get('/api/proposals/export.xlsx?stage=nonsense', member);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('阶段不正确');
  });
});
