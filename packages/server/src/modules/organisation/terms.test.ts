import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { injectAs, type Session } from '../../../test/harness';
import { useCommitteeApp } from '../../../test/committee-app';
import { plenarySessions } from '../../db/schema';
import { thirdSession } from '../proposals/figures/rows.fixture';

const t = useCommitteeApp({
  users: { liaison: ['liaisonStaff'], member: ['member'], proposal: ['proposalStaff'] },
});
const { liaison, member, proposal } = t.users;

const inject = (session: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  injectAs(t, session, method, url, payload);

const session = (termId: number, overrides: Record<string, unknown> = {}) => ({
  termId,
  ...thirdSession,
  ...overrides,
});

/** POST /api/terms of term `number` called `name`, running from `startDate` to `endDate`. */
const createTerm = (session: Session, number: number, name: string, startDate: string, endDate: string) =>
  inject(session, 'POST', '/api/terms', { number, name, startDate, endDate });

describe('terms', () => {
  let termId: number;
  it('liaison staff create and rename terms; members list them', async () => {
    const res = await createTerm(liaison, 5, '第五届', '2021-12-01', '2026-11-30');
    expect(res.statusCode, res.body).toBe(201);
    termId = res.json().id;
    const renamed = await inject(liaison, 'PATCH', `/api/terms/${termId}`, { name: '第五届委员会' });
    expect(renamed.json()).toMatchObject({ name: '第五届委员会', number: 5, startDate: '2021-12-01' });
    const list = await inject(member, 'GET', '/api/terms');
    expect(list.json()).toMatchObject({
      total: 1,
      items: [{ name: '第五届委员会', policies: { canUpdate: false } }],
    });
  });

  it('refuses a duplicate number, reversed dates (also after a partial change) and other roles', async () => {
    const dup = await createTerm(liaison, 5, '又一个', '2027-01-01', '2031-01-01');
    expect(dup.statusCode).toBe(409);
    const reversed = await createTerm(liaison, 6, '第六届', '2031-01-01', '2027-01-01');
    expect(reversed.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: '结束日期应晚于开始日期' });
    const partial = await inject(liaison, 'PATCH', `/api/terms/${termId}`, { endDate: '2020-01-01' });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().details.fields[0].path).toBe('body.endDate');
    expect((await createTerm(proposal, 7, '第七届', '2031-01-01', '2036-01-01')).statusCode).toBe(403);
    expect((await inject(member, 'PATCH', `/api/terms/${termId}`, { name: '委员改名' })).statusCode).toBe(
      403,
    );
  });
});

describe('plenary sessions', () => {
  let termId: number;
  beforeAll(async () => {
    const res = await createTerm(liaison, 8, '第八届', '2022-01-01', '2026-12-31');
    termId = res.json().id;
  });

  it('creates a session with its submission window and lists it with the term name', async () => {
    const res = await inject(liaison, 'POST', '/api/plenary-sessions', session(termId));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ termName: '第八届', submissionCloses: '2024-01-12' });
    const list = await inject(member, 'GET', `/api/plenary-sessions?termId=${termId}`);
    expect(list.json().items.map((s: { name: string }) => s.name)).toEqual(['五届三次会议']);
    const patched = await inject(liaison, 'PATCH', `/api/plenary-sessions/${res.json().id}`, {
      submissionCloses: '2024-01-11',
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().submissionCloses).toBe('2024-01-11');

    const exported = await inject(liaison, 'GET', `/api/plenary-sessions/export?termId=${termId}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows).toEqual([
      ['届次', '会议名称', '开幕日期', '闭幕日期', '提案征集开始', '提案截止'],
      ['第八届', '五届三次会议', '2024-01-10', '2024-01-13', '2023-10-10', '2024-01-11'],
    ]);
  });

  it('refuses windows that are not sane, naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ submissionCloses: '2023-10-01' }, '提案截止日期不能早于开始日期'],
      [{ submissionCloses: '2024-02-01' }, '提案截止日期不能晚于会议闭幕日期'],
      [{ meetingEnd: '2024-01-09' }, '闭幕日期不能早于开幕日期'],
      [{ submissionOpens: '2024-01-11' }, '提案开始日期不能晚于会议开幕日期'],
      [
        {
          meetingStart: '2027-03-01',
          meetingEnd: '2027-03-04',
          submissionOpens: '2027-01-01',
          submissionCloses: '2027-03-03',
        },
        '会议日期应在第八届任期内',
      ],
    ];
    for (const [overrides, message] of cases) {
      const res = await inject(
        liaison,
        'POST',
        '/api/plenary-sessions',
        session(termId, { number: 4, ...overrides }),
      );
      expect(res.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(res.json().message).toContain(message);
    }
    const [existing] = await t.database.db
      .select()
      .from(plenarySessions)
      .where(eq(plenarySessions.termId, termId));
    const patch = await inject(liaison, 'PATCH', `/api/plenary-sessions/${existing!.id}`, {
      submissionOpens: '2024-01-12',
      submissionCloses: '2024-01-11',
    });
    expect(patch.statusCode).toBe(400);
    expect(
      (await t.database.db.select().from(plenarySessions).where(eq(plenarySessions.termId, termId))).length,
    ).toBe(1);
  });

  it('refuses a second session with the same number in the term, and members writing', async () => {
    const dup = await inject(liaison, 'POST', '/api/plenary-sessions', session(termId));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().details.fields[0].path).toBe('body.number');
    expect(
      (await inject(member, 'POST', '/api/plenary-sessions', session(termId, { number: 9 }))).statusCode,
    ).toBe(403);
  });
});
