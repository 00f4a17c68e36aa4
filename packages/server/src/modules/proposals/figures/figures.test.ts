import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { as, injectAs } from '../../../../test/harness';
import { useCommitteeApp } from '../../../../test/committee-app';
import {
  buildCommittee,
  buildMember,
  buildSector,
  buildTerm,
  buildUnit,
  buildUser,
  signedInUser,
} from '../../../../test/factories';
import { proposalRatings, proposalSupervisionLogs, proposalSupervisions } from '../../../db/schema';
import type { Actor } from '../../../lib/actor';
import { proposalConditions } from './filters';
import type { ProposalFigures } from './queries';
import { insertAnswer, insertProposal, insertRating, insertSession, insertUnitSlot } from './rows.fixture';

const t = useCommitteeApp();
let sessionId: number;
let otherSessionId: number;
let staffActor: Actor;
let ratingToChange: number;
let ids: { sectorX: number; sectorY: number; unit1: number; unit2: number };

beforeAll(async () => {
  const { committeeId } = t;
  const db = t.database.db;
  const term = await buildTerm(db, committeeId);
  sessionId = (await insertSession(db, { committeeId, termId: term.id })).id;
  otherSessionId = (
    await insertSession(db, { committeeId, termId: term.id, number: 2, name: '五届二次会议' })
  ).id;
  const sectorX = await buildSector(db, committeeId, '教育界');
  const sectorY = await buildSector(db, committeeId, '经济界');
  const m1 = await buildMember(db, committeeId, { sectorId: sectorX.id, termId: term.id });
  const m2 = await buildMember(db, committeeId, { sectorId: sectorY.id, termId: term.id });
  const unit1 = await buildUnit(db, committeeId, { name: '区教育局' });
  const unit2 = await buildUnit(db, committeeId, { name: '区民政局' });
  const staff = await buildUser(db, committeeId, ['proposalStaff']);
  staffActor = {
    userId: staff.id,
    committeeId,
    displayName: staff.displayName,
    roles: ['proposalStaff'],
    memberId: null,
    staffId: null,
    unitId: null,
    ip: null,
  };
  ids = { sectorX: sectorX.id, sectorY: sectorY.id, unit1: unit1.id, unit2: unit2.id };
  const base = { committeeId, sessionId, createdBy: staff.id };
  const past = new Date(Date.now() - 5 * 86400_000);

  await insertProposal(db, { ...base, leadMemberId: m1.id, state: 'draft' });
  await insertProposal(db, { ...base, leadMemberId: m1.id, state: 'submitted', kind: 'regular' });
  await insertProposal(db, { ...base, leadMemberId: m2.id, state: 'reviewing' });
  await insertProposal(db, { ...base, leadMemberId: m1.id, state: 'rejected', category: '生态文明建设' });
  await insertProposal(db, { ...base, leadMemberId: m2.id, state: 'merged' });
  await insertProposal(db, { ...base, leadMemberId: m1.id, state: 'withdrawn' });
  await insertProposal(db, {
    ...base,
    leadMemberId: m1.id,
    state: 'accepted',
    number: 1,
    category: '经济建设',
  });
  const overdue = await insertProposal(db, { ...base, leadMemberId: m1.id, state: 'assigned', number: 2 });
  await insertUnitSlot(db, { committeeId, proposalId: overdue.id, unitId: unit1.id, deadline: past });

  const answered = await insertProposal(db, {
    ...base,
    leadMemberId: m2.id,
    state: 'answered',
    number: 3,
    answerCategory: 'A',
    keyStatus: 'approved',
  });
  const supervisor = await buildUser(db, committeeId, ['leader'], { displayName: '督办领导甲' });
  await db
    .insert(proposalSupervisions)
    .values({ committeeId, proposalId: answered.id, leaderUserId: supervisor.id });
  await db.insert(proposalSupervisionLogs).values({
    committeeId,
    proposalId: answered.id,
    authorUserId: supervisor.id,
    kind: 'visit',
    text: '实地督办',
    occurredOn: new Date('2024-04-01T02:00:00Z'),
  });
  await insertUnitSlot(db, {
    committeeId,
    proposalId: answered.id,
    unitId: unit1.id,
    status: 'answered',
    deadline: past,
  });
  const a9 = await insertAnswer(db, {
    committeeId,
    proposalId: answered.id,
    unitId: unit1.id,
    draftedBy: staff.id,
    category: 'A',
  });
  await insertRating(db, {
    committeeId,
    proposalId: answered.id,
    answerId: a9.id,
    memberId: m2.id,
    satisfaction: 'satisfied',
  });

  const closedB = await insertProposal(db, {
    ...base,
    leadMemberId: m1.id,
    state: 'closed',
    number: 4,
    answerCategory: 'B',
  });
  await insertUnitSlot(db, { committeeId, proposalId: closedB.id, unitId: unit2.id, status: 'answered' });
  const a10 = await insertAnswer(db, {
    committeeId,
    proposalId: closedB.id,
    unitId: unit2.id,
    draftedBy: staff.id,
    category: 'B',
  });
  await insertRating(db, {
    committeeId,
    proposalId: closedB.id,
    answerId: a10.id,
    memberId: m1.id,
    satisfaction: 'basicallySatisfied',
  });

  // Re-handled once: the first answer was rated 不满意, the second 满意; only the latest counts.
  const closedC = await insertProposal(db, {
    ...base,
    leadMemberId: m2.id,
    state: 'closed',
    number: 5,
    answerCategory: 'C',
    rehandleCount: 1,
  });
  await insertUnitSlot(db, { committeeId, proposalId: closedC.id, unitId: unit2.id, status: 'answered' });
  const a11a = await insertAnswer(db, {
    committeeId,
    proposalId: closedC.id,
    unitId: unit2.id,
    draftedBy: staff.id,
    category: 'C',
    round: 1,
  });
  const a11b = await insertAnswer(db, {
    committeeId,
    proposalId: closedC.id,
    unitId: unit2.id,
    draftedBy: staff.id,
    category: 'C',
    round: 2,
  });
  await insertRating(db, {
    committeeId,
    proposalId: closedC.id,
    answerId: a11a.id,
    memberId: m2.id,
    satisfaction: 'dissatisfied',
  });
  await insertRating(db, {
    committeeId,
    proposalId: closedC.id,
    answerId: a11b.id,
    memberId: m2.id,
    satisfaction: 'satisfied',
  });

  const rehandling = await insertProposal(db, {
    ...base,
    leadMemberId: m1.id,
    state: 'rehandling',
    number: 6,
    answerCategory: 'C',
    keyStatus: 'approved',
    rehandleCount: 1,
  });
  await insertUnitSlot(db, {
    committeeId,
    proposalId: rehandling.id,
    unitId: unit1.id,
    status: 'acknowledged',
  });
  const a12 = await insertAnswer(db, {
    committeeId,
    proposalId: rehandling.id,
    unitId: unit1.id,
    draftedBy: staff.id,
    category: 'C',
  });
  ratingToChange = (
    await insertRating(db, {
      committeeId,
      proposalId: rehandling.id,
      answerId: a12.id,
      memberId: m1.id,
      satisfaction: 'dissatisfied',
    })
  ).id;

  // Another session of the same year, and another committee: neither may leak into the session's figures.
  await insertProposal(db, {
    committeeId,
    sessionId: otherSessionId,
    createdBy: staff.id,
    leadMemberId: m1.id,
    state: 'accepted',
    number: 1,
  });
  const foreign = await buildCommittee(db);
  const foreignTerm = await buildTerm(db, foreign.id);
  const foreignSession = await insertSession(db, { committeeId: foreign.id, termId: foreignTerm.id });
  const foreignMember = await buildMember(db, foreign.id, { termId: foreignTerm.id });
  const foreignUser = await buildUser(db, foreign.id, ['proposalStaff']);
  await insertProposal(db, {
    committeeId: foreign.id,
    sessionId: foreignSession.id,
    createdBy: foreignUser.id,
    leadMemberId: foreignMember.id,
    state: 'closed',
    number: 1,
  });
});

const value = (f: ProposalFigures, key: string) => f.totals.find((x) => x.key === key)!.value;
const rate = (f: ProposalFigures, key: string) => f.rates.find((x) => x.key === key)!;

async function figuresAs(roles: Parameters<typeof signedInUser>[2], query: string) {
  const session = await signedInUser(t.app, t.committeeId, roles);
  return t.app.inject({ method: 'GET', url: `/api/proposals/figures?${query}`, headers: as(session) });
}

/** The figures that count proposals one by one, each with the filter that lists those proposals. */
const countableFigures = (f: ProposalFigures) => [
  ...f.totals.filter((x) =>
    // Satisfaction levels too: here each rated proposal has one proposer, so ratings and proposals agree.
    [
      'submitted',
      'accepted',
      'merged',
      'rejected',
      'answered',
      'overdue',
      'satisfied',
      'basicallySatisfied',
      'dissatisfied',
    ].includes(x.key),
  ),
  ...f.byCategory.flatMap((r) => r.figures),
  ...f.byKind.flatMap((r) => r.figures),
  ...f.bySector.flatMap((r) => r.figures),
  ...f.byAnswerCategory,
  ...f.keyProgress,
  ...f.byUnit.flatMap((r) => r.figures.filter((x) => ['assigned', 'answered', 'overdue'].includes(x.key))),
];

describe('GET /api/proposals/figures', () => {
  it('counts every figure of a session from the records', async () => {
    const res = await figuresAs(['proposalStaff'], `sessionId=${sessionId}`);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json() as ProposalFigures;
    expect(f.scope).toEqual({ sessionId, year: null, label: '五届三次会议' });
    expect(Object.fromEntries(f.totals.map((x) => [x.key, x.value]))).toEqual({
      submitted: 10,
      accepted: 6,
      merged: 1,
      rejected: 1,
      answered: 3,
      overdue: 1,
      rated: 4,
      satisfied: 2,
      basicallySatisfied: 1,
      dissatisfied: 1,
    });
    expect(rate(f, 'answerRate')).toMatchObject({ value: 0.5, numerator: 3, denominator: 6 });
    expect(rate(f, 'satisfactionRate')).toMatchObject({ value: 0.75, numerator: 3, denominator: 4 });
    expect(rate(f, 'fullySatisfiedRate')).toMatchObject({ value: 0.5, numerator: 2, denominator: 4 });

    const unit = (id: number) =>
      Object.fromEntries(f.byUnit.find((r) => r.id === String(id))!.figures.map((x) => [x.key, x.value]));
    expect(unit(ids.unit1)).toEqual({
      assigned: 3,
      answered: 1,
      overdue: 1,
      rated: 2,
      satisfiedOrBasically: 1,
    });
    expect(unit(ids.unit2)).toEqual({
      assigned: 2,
      answered: 2,
      overdue: 0,
      rated: 2,
      satisfiedOrBasically: 2,
    });

    const sector = (id: number) =>
      Object.fromEntries(f.bySector.find((r) => r.id === String(id))!.figures.map((x) => [x.key, x.value]));
    expect(sector(ids.sectorX)).toEqual({ submitted: 6, accepted: 4 });
    expect(sector(ids.sectorY)).toEqual({ submitted: 4, accepted: 2 });

    expect(f.byCategory.map((r) => [r.label, ...r.figures.map((x) => x.value)])).toEqual([
      ['经济建设', 1, 1],
      ['社会建设', 8, 5],
      ['生态文明建设', 1, 0],
    ]);
    expect(f.byKind.map((r) => [r.label, ...r.figures.map((x) => x.value)])).toEqual([
      ['大会提案', 9, 6],
      ['平时提案', 1, 0],
    ]);
    expect(f.byAnswerCategory.map((x) => [x.label, x.value])).toEqual([
      ['A类（已解决或采纳）', 1],
      ['B类（正在解决或列入计划）', 1],
      ['C类（留作参考）', 1],
    ]);
    const key = Object.fromEntries(f.keyProgress.map((x) => [x.key, x.value]));
    expect(key).toMatchObject({
      total: 2,
      answered: 1,
      closed: 0,
      'state:rehandling': 1,
      'state:assigned': 0,
    });
    expect(
      f.keyProposals.map((k) => [k.numberLabel, k.stateLabel, k.supervisors, k.logCount, k.overdue]),
    ).toEqual([
      ['第0003号', '已答复', ['督办领导甲'], 1, false],
      ['第0006号', '重新办理', [], 0, false],
    ]);
  });

  it('gives each proposal-count figure a list filter that finds exactly the proposals behind it', async () => {
    const res = await figuresAs(['leader'], `sessionId=${sessionId}`);
    const f = res.json() as ProposalFigures;
    const countOf = async (filter: object) => {
      const r = await t.database.db.execute<{ n: number }>(
        sql`select count(*)::int as n from proposals p where ${proposalConditions(staffActor, filter)}`,
      );
      return r.rows[0]!.n;
    };
    const countable = countableFigures(f);
    expect(countable.length).toBeGreaterThan(20);
    for (const figure of countable) {
      expect(await countOf(figure.filter), `${figure.label} ${JSON.stringify(figure.filter)}`).toBe(
        figure.value,
      );
    }
  });

  it('reproduces each figure through the list and its export, the routes the UI opens', async () => {
    const staff = await signedInUser(t.app, t.committeeId, ['proposalStaff']);
    const f = (await figuresAs(['proposalStaff'], `sessionId=${sessionId}`)).json() as ProposalFigures;
    const countable = countableFigures(f);
    for (const figure of countable) {
      const query = new URLSearchParams(
        Object.entries(figure.filter).map(([k, v]): [string, string] => [k, String(v)]),
      );
      const list = await injectAs(t, staff, 'GET', `/api/proposals?${query}&pageSize=1`);
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().total, `list: ${figure.label} ${query}`).toBe(figure.value);
      const res = await injectAs(t, staff, 'GET', `/api/proposals/export.xlsx?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect(workbook.worksheets[0]!.actualRowCount - 1, `${figure.label} ${query}`).toBe(figure.value);
    }
  });

  it('recomputes 满意率 when one rating changes', async () => {
    await t.database.db
      .update(proposalRatings)
      .set({ satisfaction: 'basicallySatisfied' })
      .where(eq(proposalRatings.id, ratingToChange));
    const f = (await figuresAs(['proposalStaff'], `sessionId=${sessionId}`)).json() as ProposalFigures;
    expect(rate(f, 'satisfactionRate')).toMatchObject({ value: 1, numerator: 4, denominator: 4 });
    expect(rate(f, 'fullySatisfiedRate')).toMatchObject({ value: 0.5, numerator: 2, denominator: 4 });
    expect(value(f, 'dissatisfied')).toBe(0);
    await t.database.db
      .update(proposalRatings)
      .set({ satisfaction: 'dissatisfied' })
      .where(eq(proposalRatings.id, ratingToChange));
  });

  it('counts a year across sessions by submission date', async () => {
    const y2024 = (await figuresAs(['proposalStaff'], 'year=2024')).json() as ProposalFigures;
    expect(y2024.scope.label).toBe('2024年');
    expect(value(y2024, 'accepted')).toBe(7);
    expect(value(y2024, 'submitted')).toBe(11);
    const y2023 = (await figuresAs(['proposalStaff'], 'year=2023')).json() as ProposalFigures;
    expect(value(y2023, 'submitted')).toBe(0);
    expect(rate(y2023, 'answerRate').value).toBeNull();
  });

  it('refuses members and unit staff, and asks for a scope', async () => {
    for (const roles of [['member'], ['unitHandler'], ['unitHead'], ['opinionStaff']] as const) {
      const res = await figuresAs([...roles], `sessionId=${sessionId}`);
      expect(res.statusCode, roles.join()).toBe(403);
      expect(res.json().message).toBe('只有提案工作人员和主席会议成员可以查看提案统计');
    }
    const missing = await figuresAs(['proposalStaff'], '');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toBe('请选择会议或年度');
    const bad = await figuresAs(['proposalStaff'], 'sessionId=abc');
    expect(bad.statusCode).toBe(400);
  });

  it('does not show another committee’s session', async () => {
    const other = await buildCommittee(t.database.db);
    const session = await signedInUser(t.app, other.id, ['proposalStaff']);
    const res = await injectAs(t, session, 'GET', `/api/proposals/figures?sessionId=${sessionId}`);
    expect(res.statusCode).toBe(404);
  });
});
