import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { as, injectAs, signIn, type Session } from '../../../../test/harness';
import { useCommitteeApp } from '../../../../test/committee-app';
import {
  buildCommittee,
  buildMember,
  buildSector,
  buildTerm,
  buildUnit,
  buildUser,
  signedInUser,
  testPassword,
} from '../../../../test/factories';
import {
  defaultSettings,
  type FigureFilter,
  type KeyProposalProgress,
  type Page,
  type SatisfactionBasis,
} from '@cppcc/shared';
import {
  committees,
  proposalProposers,
  proposalRatings,
  proposalSupervisionLogs,
  proposalSupervisions,
  users,
} from '../../../db/schema';
import type { Actor } from '../../../lib/actor';
import { filteredRows } from './filters';
import type { ProposalFigures } from './queries';
import { insertAnswer, insertProposal, insertRating, insertSession, insertUnitSlot } from './rows.fixture';

const t = useCommitteeApp();
let sessionId: number;
let otherSessionId: number;
let staffActor: Actor;
let ratingToChange: number;
let ids: { sectorX: number; sectorY: number; unit1: number; unit2: number };
let partyLeaderUserId: number;

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
    deadline: past,
  });
  // A party leader supervises this key proposal, and the overdue one that is not a key proposal.
  partyLeaderUserId = (await buildUser(db, committeeId, ['partyLeader'], { displayName: '党政领导乙' })).id;
  await db.insert(proposalSupervisions).values([
    { committeeId, proposalId: rehandling.id, leaderUserId: partyLeaderUserId },
    { committeeId, proposalId: overdue.id, leaderUserId: partyLeaderUserId },
  ]);
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

  // A joint proposal: the lead is satisfied, the co-proposer who joined through 并案 is not.
  const joint = await insertProposal(db, {
    ...base,
    leadMemberId: m1.id,
    state: 'closed',
    number: 7,
    answerCategory: 'A',
  });
  await db.insert(proposalProposers).values([
    { committeeId, proposalId: joint.id, memberId: m1.id, role: 'lead', status: 'confirmed', sortOrder: 0 },
    {
      committeeId,
      proposalId: joint.id,
      memberId: m2.id,
      role: 'co',
      status: 'confirmed',
      mergedFromId: closedB.id,
      sortOrder: 100,
    },
  ]);
  await insertUnitSlot(db, { committeeId, proposalId: joint.id, unitId: unit2.id, status: 'answered' });
  const a13 = await insertAnswer(db, {
    committeeId,
    proposalId: joint.id,
    unitId: unit2.id,
    draftedBy: staff.id,
  });
  for (const [memberId, satisfaction] of [
    [m1.id, 'satisfied'],
    [m2.id, 'dissatisfied'],
  ] as const) {
    await insertRating(db, { committeeId, proposalId: joint.id, answerId: a13.id, memberId, satisfaction });
  }

  // 分办 to two units, each answering: 满意 with one unit's answer, 不满意 with the other's.
  const separate = await insertProposal(db, {
    ...base,
    leadMemberId: m2.id,
    state: 'closed',
    number: 8,
    answerCategory: 'B',
  });
  for (const [unitId, satisfaction] of [
    [unit1.id, 'satisfied'],
    [unit2.id, 'dissatisfied'],
  ] as const) {
    await insertUnitSlot(db, {
      committeeId,
      proposalId: separate.id,
      unitId,
      role: 'separate',
      status: 'answered',
    });
    const answer = await insertAnswer(db, {
      committeeId,
      proposalId: separate.id,
      unitId,
      draftedBy: staff.id,
      category: 'B',
    });
    await insertRating(db, {
      committeeId,
      proposalId: separate.id,
      answerId: answer.id,
      memberId: m2.id,
      satisfaction,
    });
  }

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
const bases: SatisfactionBasis[] = ['lead', 'lowest', 'proposer'];

async function setBasis(basis: SatisfactionBasis) {
  await t.database.db
    .update(committees)
    .set({ settings: { satisfactionBasis: basis } })
    .where(eq(committees.id, t.committeeId));
}

let staffSession: Session;
let partyLeaderSession: Session;
beforeAll(async () => {
  staffSession = await signedInUser(t.app, t.committeeId, ['proposalStaff']);
  const [leader] = await t.database.db
    .select({ username: users.username })
    .from(users)
    .where(eq(users.id, partyLeaderUserId));
  partyLeaderSession = await signIn(t.app, leader!.username, testPassword);
});

async function figuresAs(session: Session, query: string) {
  return t.app.inject({ method: 'GET', url: `/api/proposals/figures?${query}`, headers: as(session) });
}
/** The key proposals' progress behind the figures, one page. */
async function keyProgressAs(session: Session, query: string) {
  const res = await injectAs(t, session, 'GET', `/api/proposals/figures/key-proposals?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page<KeyProposalProgress>;
}

const staffFigures = async (query = `sessionId=${sessionId}`) =>
  (await figuresAs(staffSession, query)).json() as ProposalFigures;

/** Every figure with the list filter behind it; a rate stands for its numerator and its denominator. */
const everyFigure = (f: ProposalFigures): { label: string; value: number; filter: FigureFilter }[] => [
  ...f.totals,
  ...f.rates.flatMap((r) => [
    { label: `${r.label}（分子）`, value: r.numerator, filter: r.filter },
    { label: `${r.label}（分母）`, value: r.denominator, filter: r.denominatorFilter },
  ]),
  ...[...f.byUnit, ...f.bySector, ...f.byCategory, ...f.byKind].flatMap((row) =>
    row.figures.map((x) => ({ ...x, label: `${row.label} ${x.label}` })),
  ),
  ...f.byAnswerCategory,
  ...f.keyProgress.map((x) => ({ ...x, label: `重点提案 ${x.label}` })),
];

const queryOf = (filter: FigureFilter) =>
  new URLSearchParams(Object.entries(filter).map(([k, v]): [string, string] => [k, String(v)]));

/** Opens the list behind every figure as `session` and compares its total (and the export's rows). */
async function expectListsMatch(session: Session, f: ProposalFigures, withExport: boolean) {
  const figures = everyFigure(f);
  for (const figure of figures) {
    const query = queryOf(figure.filter);
    const list = await injectAs(t, session, 'GET', `/api/proposals?${query}&pageSize=100`);
    expect(list.statusCode, list.body).toBe(200);
    const page = list.json() as { total: number; items: unknown[] };
    expect(page.total, `list: ${figure.label} ${query}`).toBe(figure.value);
    expect(page.items, `list rows: ${figure.label} ${query}`).toHaveLength(figure.value);
    if (!withExport) continue;
    const res = await injectAs(t, session, 'GET', `/api/proposals/export.xlsx?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.actualRowCount - 1, `export: ${figure.label} ${query}`).toBe(figure.value);
  }
  return figures.length;
}

/** What each basis makes of the same ratings (see the joint and the 分办 proposal above). */
const expectedSatisfaction: Record<
  SatisfactionBasis,
  { unit: string; totals: Record<string, number>; unit1: number[]; unit2: number[] }
> = {
  // 件 by the lead: the merged-in co-proposer's 不满意 does not count; 分办 counts its lowest answer.
  lead: {
    unit: '件',
    totals: { rated: 6, satisfied: 3, basicallySatisfied: 1, dissatisfied: 2 },
    unit1: [3, 2],
    unit2: [4, 3],
  },
  lowest: {
    unit: '件',
    totals: { rated: 6, satisfied: 2, basicallySatisfied: 1, dissatisfied: 3 },
    unit1: [3, 2],
    unit2: [4, 2],
  },
  proposer: {
    unit: '人次',
    totals: { rated: 7, satisfied: 3, basicallySatisfied: 1, dissatisfied: 3 },
    unit1: [3, 2],
    unit2: [5, 3],
  },
};

describe('GET /api/proposals/figures', () => {
  it('counts every figure of a session from the records', async () => {
    await setBasis('lead');
    const res = await figuresAs(staffSession, `sessionId=${sessionId}`);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json() as ProposalFigures;
    expect(f.scope).toEqual({ sessionId, year: null, label: '五届三次会议', supervisedOnly: false });
    expect(f.satisfactionBasis).toEqual({ code: 'lead', label: '按件：以第一提案人的评价为准', unit: '件' });
    expect(Object.fromEntries(f.totals.map((x) => [x.key, x.value]))).toEqual({
      submitted: 12,
      accepted: 8,
      merged: 1,
      rejected: 1,
      answered: 5,
      overdue: 2,
      rated: 6,
      satisfied: 3,
      basicallySatisfied: 1,
      dissatisfied: 2,
    });
    expect(rate(f, 'answerRate')).toMatchObject({ value: 0.625, numerator: 5, denominator: 8, unit: '件' });

    const unit = (id: number) =>
      Object.fromEntries(f.byUnit.find((r) => r.id === String(id))!.figures.map((x) => [x.key, x.value]));
    expect(unit(ids.unit1)).toEqual({
      assigned: 4,
      answered: 2,
      overdue: 2,
      rated: 3,
      satisfiedOrBasically: 2,
    });
    expect(unit(ids.unit2)).toEqual({
      assigned: 4,
      answered: 4,
      overdue: 0,
      rated: 4,
      satisfiedOrBasically: 3,
    });

    const sector = (id: number) =>
      Object.fromEntries(f.bySector.find((r) => r.id === String(id))!.figures.map((x) => [x.key, x.value]));
    expect(sector(ids.sectorX)).toEqual({ submitted: 7, accepted: 5 });
    expect(sector(ids.sectorY)).toEqual({ submitted: 5, accepted: 3 });

    expect(f.byCategory.map((r) => [r.label, ...r.figures.map((x) => x.value)])).toEqual([
      ['经济建设', 1, 1],
      ['社会建设', 10, 7],
      ['生态文明建设', 1, 0],
    ]);
    expect(f.byKind.map((r) => [r.label, ...r.figures.map((x) => x.value)])).toEqual([
      ['大会提案', 11, 8],
      ['平时提案', 1, 0],
    ]);
    expect(f.byAnswerCategory.map((x) => [x.label, x.value])).toEqual([
      ['A类（已解决或采纳）', 2],
      ['B类（正在解决或列入计划）', 2],
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
    const progress = await keyProgressAs(staffSession, `sessionId=${sessionId}`);
    // The list is as long as the figure it lies behind.
    expect(progress.total).toBe(key.total);
    expect(
      progress.items.map((k) => [k.numberLabel, k.stateLabel, k.supervisors, k.logCount, k.overdue]),
    ).toEqual([
      ['第0003号', '已答复', ['督办领导甲'], 1, false],
      ['第0006号', '重新办理', ['党政领导乙'], 0, true],
    ]);
    // Proposal counts are in 件 whatever the basis.
    for (const x of [...f.totals, ...f.byKind.flatMap((r) => r.figures), ...f.keyProgress]) {
      if (!x.basis) expect(x.unit, x.label).toBe('件');
    }
  });

  for (const basis of bases) {
    it(`counts satisfaction ${basis === 'proposer' ? 'per proposer (人次)' : `per proposal (件, ${basis})`}, each figure saying its basis, unit and denominator`, async () => {
      await setBasis(basis);
      const f = await staffFigures();
      const expected = expectedSatisfaction[basis];
      expect(f.satisfactionBasis).toMatchObject({ code: basis, unit: expected.unit });
      const satisfactionKeys = ['rated', 'satisfied', 'basicallySatisfied', 'dissatisfied'];
      const figures = f.totals.filter((x) => satisfactionKeys.includes(x.key));
      expect(Object.fromEntries(figures.map((x) => [x.key, x.value]))).toEqual(expected.totals);
      for (const x of figures) {
        expect(x, x.label).toMatchObject({ unit: expected.unit, basis, denominator: expected.totals.rated });
        expect(x.filter.satisfactionBasis, x.label).toBe(basis);
      }
      const { rated, satisfied, basicallySatisfied } = expected.totals;
      const share = (n: number) => Math.round((n / rated!) * 10000) / 10000;
      expect(rate(f, 'satisfactionRate')).toMatchObject({
        value: share(satisfied! + basicallySatisfied!),
        numerator: satisfied! + basicallySatisfied!,
        denominator: rated,
        unit: expected.unit,
        basis,
      });
      expect(rate(f, 'fullySatisfiedRate')).toMatchObject({
        value: share(satisfied!),
        numerator: satisfied,
        denominator: rated,
        unit: expected.unit,
      });
      const unitRatings = (id: number) =>
        f.byUnit
          .find((r) => r.id === String(id))!
          .figures.filter((x) => x.basis === basis)
          .map((x) => [x.value, x.unit]);
      expect(unitRatings(ids.unit1)).toEqual(expected.unit1.map((n) => [n, expected.unit]));
      expect(unitRatings(ids.unit2)).toEqual(expected.unit2.map((n) => [n, expected.unit]));
    });

    it(`opens for every figure a list with exactly its count (${basis})`, async () => {
      await setBasis(basis);
      const f = await staffFigures();
      // The export for the per-proposer basis, where the list has a row per rating.
      const checked = await expectListsMatch(staffSession, f, basis === 'proposer');
      expect(checked).toBeGreaterThan(40);
    });

    it(`counts each figure with the same rows as its filter (${basis})`, async () => {
      await setBasis(basis);
      const f = await staffFigures();
      for (const figure of everyFigure(f)) {
        const r = await t.database.db.execute<{ n: number }>(
          sql`select count(*)::int as n from ${filteredRows(staffActor, figure.filter, { satisfactionBasis: basis, timeZone: defaultSettings.timeZone })}`,
        );
        expect(r.rows[0]!.n, `${figure.label} ${JSON.stringify(figure.filter)}`).toBe(figure.value);
      }
    });
  }

  it('lists per-proposer figures one row per rating, naming the proposer', async () => {
    await setBasis('proposer');
    const f = await staffFigures();
    const dissatisfied = f.totals.find((x) => x.key === 'dissatisfied')!;
    const list = await injectAs(t, staffSession, 'GET', `/api/proposals?${queryOf(dissatisfied.filter)}`);
    const items = list.json().items as { numberLabel: string; rater: { satisfaction: string } | null }[];
    expect(items.map((i) => i.numberLabel).sort()).toEqual(['第0006号', '第0007号', '第0008号']);
    for (const i of items) expect(i.rater?.satisfaction).toBe('dissatisfied');
    // Per proposal (件) the same list has no proposer on its rows.
    const perProposal = await injectAs(
      t,
      staffSession,
      'GET',
      `/api/proposals?${queryOf({ ...dissatisfied.filter, satisfactionBasis: 'lead' })}`,
    );
    expect((perProposal.json().items as { rater: unknown }[]).map((i) => i.rater)).toEqual([null, null]);
  });

  it('keeps the rate when a merged-in co-proposer rates, by the lead proposer’s rating', async () => {
    await setBasis('lead');
    const before = rate(await staffFigures(), 'satisfactionRate');
    await setBasis('proposer');
    const perProposer = rate(await staffFigures(), 'satisfactionRate');
    // The joint proposal's co-proposer (joined through 并案) adds one 人次 only when counting per proposer.
    expect(perProposer.denominator).toBe(before.denominator + 1);
    await setBasis('lead');
  });

  it('recomputes 满意率 when one rating changes', async () => {
    await setBasis('lead');
    await t.database.db
      .update(proposalRatings)
      .set({ satisfaction: 'basicallySatisfied' })
      .where(eq(proposalRatings.id, ratingToChange));
    const f = await staffFigures();
    expect(rate(f, 'satisfactionRate')).toMatchObject({ value: 0.8333, numerator: 5, denominator: 6 });
    expect(rate(f, 'fullySatisfiedRate')).toMatchObject({ value: 0.5, numerator: 3, denominator: 6 });
    expect(value(f, 'dissatisfied')).toBe(1);
    await t.database.db
      .update(proposalRatings)
      .set({ satisfaction: 'dissatisfied' })
      .where(eq(proposalRatings.id, ratingToChange));
  });

  it('counts a year across sessions by submission date', async () => {
    const y2024 = await staffFigures('year=2024');
    expect(y2024.scope.label).toBe('2024年');
    expect(value(y2024, 'accepted')).toBe(9);
    expect(value(y2024, 'submitted')).toBe(13);
    const y2023 = await staffFigures('year=2023');
    expect(value(y2023, 'submitted')).toBe(0);
    expect(rate(y2023, 'answerRate').value).toBeNull();
  });

  it('shows a party or government leader the figures of the key proposals they supervise', async () => {
    await setBasis('lead');
    const res = await figuresAs(partyLeaderSession, `sessionId=${sessionId}`);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json() as ProposalFigures;
    expect(f.scope.supervisedOnly).toBe(true);
    // Only 第0006号: the overdue proposal they also supervise is not a key proposal.
    expect(Object.fromEntries(f.totals.map((x) => [x.key, x.value]))).toEqual({
      submitted: 1,
      accepted: 1,
      merged: 0,
      rejected: 0,
      answered: 0,
      overdue: 1,
      rated: 1,
      satisfied: 0,
      basicallySatisfied: 0,
      dissatisfied: 1,
    });
    const progress = await keyProgressAs(partyLeaderSession, `sessionId=${sessionId}`);
    expect(progress.items.map((k) => k.numberLabel)).toEqual(['第0006号']);
    expect(f.byUnit.map((r) => r.label)).toEqual(['区教育局']);
    for (const figure of everyFigure(f)) {
      expect(['key', 'overdue'], `${figure.label} ${JSON.stringify(figure.filter)}`).toContain(
        figure.filter.view,
      );
    }
    // Each figure's list, opened as the party leader, has its count and nothing else.
    await expectListsMatch(partyLeaderSession, f, false);
    const everything = await injectAs(t, partyLeaderSession, 'GET', '/api/proposals?view=all');
    expect(everything.statusCode).toBe(403);
  });

  it('shows a party leader who supervises nothing no proposal at all', async () => {
    const other = await signedInUser(t.app, t.committeeId, ['partyLeader']);
    const f = (await figuresAs(other, `sessionId=${sessionId}`)).json() as ProposalFigures;
    expect(f.scope.supervisedOnly).toBe(true);
    for (const figure of everyFigure(f)) expect(figure.value, figure.label).toBe(0);
    expect((await keyProgressAs(other, `sessionId=${sessionId}`)).items).toEqual([]);
    expect(f.byUnit).toEqual([]);
  });

  it('refuses members and unit staff, and asks for a scope', async () => {
    for (const roles of [['member'], ['unitHandler'], ['unitHead'], ['opinionStaff']] as const) {
      const session = await signedInUser(t.app, t.committeeId, [...roles]);
      for (const res of [
        await figuresAs(session, `sessionId=${sessionId}`),
        await injectAs(t, session, 'GET', `/api/proposals/figures/key-proposals?sessionId=${sessionId}`),
      ]) {
        expect(res.statusCode, roles.join()).toBe(403);
        expect(res.json().message).toBe(
          '只有提案工作人员、主席会议成员和督办重点提案的党政领导可以查看提案统计',
        );
      }
    }
    const missing = await figuresAs(staffSession, '');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toBe('请选择会议或年度');
    const keyPage = (query: string) =>
      injectAs(t, staffSession, 'GET', `/api/proposals/figures/key-proposals?${query}`);
    const keyMissing = await keyPage('page=1');
    expect(keyMissing.statusCode).toBe(400);
    expect(keyMissing.json().message).toBe('请选择会议或年度');
    expect((await keyPage(`sessionId=${sessionId}&pageSize=101`)).statusCode).toBe(400);
    const bad = await figuresAs(staffSession, 'sessionId=abc');
    expect(bad.statusCode).toBe(400);
  });

  it('does not show another committee’s session', async () => {
    const other = await buildCommittee(t.database.db);
    const session = await signedInUser(t.app, other.id, ['proposalStaff']);
    const res = await injectAs(t, session, 'GET', `/api/proposals/figures?sessionId=${sessionId}`);
    expect(res.statusCode).toBe(404);
  });
});
