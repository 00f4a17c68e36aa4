import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { OpinionFigure, OpinionFigures } from '@cppcc/shared';
import { as } from '../../../test/harness';
import { useOpinionWorld, walkOpinion } from './opinion-world.fixture';

const { t, w, call } = useOpinionWorld();
const year = Number(new Date().toLocaleString('en-CA', { timeZone: 'Asia/Shanghai' }).slice(0, 4));

describe('issues of 《社情民意》', () => {
  it('numbers issues per series and year, exports the layout, and sends the articles to the parent', async () => {
    const a = await walkOpinion(t, w, 'adopted', { body: { title: '关于枸杞产业的建议' } });
    const b = await walkOpinion(t, w, 'adopted', {
      author: w.users.co,
      body: { title: '关于农村饮水的建议' },
    });
    const notAdopted = await walkOpinion(t, w, 'editing');
    const refused = await call(w.users.staff, 'POST', '/opinion-issues', {
      series: '社情民意',
      articleIds: [a.id, notAdopted.id],
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain(`编号 ${notAdopted.id} 不是`);
    const unknownSeries = await call(w.users.staff, 'POST', '/opinion-issues', {
      series: '内参',
      articleIds: [a.id],
    });
    expect(unknownSeries.status).toBe(400);

    const first = await call(w.users.staff, 'POST', '/opinion-issues', {
      series: '社情民意',
      articleIds: [a.id, b.id],
      reportTo: ['县委', '县人民政府'],
      copyTo: ['县农业农村局'],
      reportToParent: true,
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ label: `《社情民意》${year}年第1期`, state: 'draft' });
    const twice = await call(w.users.staff, 'POST', '/opinion-issues', {
      series: '社情民意',
      articleIds: [a.id],
    });
    expect(twice.status).toBe(400);
    const c = await walkOpinion(t, w, 'adopted');
    const second = await call(w.users.staff, 'POST', '/opinion-issues', {
      series: '社情民意',
      articleIds: [c.id],
    });
    expect(second.body.number).toBe(2);
    const special = await call(w.users.staff, 'POST', '/opinion-issues', {
      series: '社情民意专报',
      articleIds: [notAdopted.id],
    });
    expect(special.status).toBe(400);

    // Leaders do not see an issue before it is sent.
    expect((await call(w.users.leader, 'GET', `/opinion-issues/${first.body.id}`)).status).toBe(404);
    const word = await t.app.inject({
      method: 'GET',
      url: `/api/opinion-issues/${first.body.id}/document.docx`,
      headers: as(w.users.staff),
    });
    expect(word.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(word.rawPayload)).file('word/document.xml')!.async('string');
    for (const text of [
      '社情民意',
      `${year}年第1期`,
      '永宁县政协办公室编',
      '关于枸杞产业的建议',
      '（王建国）',
      '（李秀兰）',
      '报送：县委、县人民政府',
      '抄送：县农业农村局',
    ])
      expect(xml, text).toContain(text);

    const sent = await call(w.users.staff, 'POST', `/opinion-issues/${first.body.id}/send`, {
      version: first.body.version,
    });
    expect(sent.body.state).toBe('sent');
    const again = await call(w.users.staff, 'POST', `/opinion-issues/${first.body.id}/send`, {});
    expect(again.status).toBe(403);
    const cityInbox = await call(w.users.cityStaff, 'GET', '/opinions?view=inbox&pageSize=100');
    const titles = cityInbox.body.items.map((i: { title: string }) => i.title);
    expect(titles).toEqual(expect.arrayContaining(['关于枸杞产业的建议', '关于农村饮水的建议']));
    expect((await call(w.users.leader, 'GET', `/opinion-issues/${first.body.id}`)).status).toBe(200);
    const reopened = await call(w.users.staff, 'POST', `/opinions/${a.id}/reopen`, { reason: '撤销' });
    expect(reopened.status).toBe(409);
  });
});

describe('opinion figures', () => {
  it('says its unit and opens a list of exactly its count, for every figure', async () => {
    // A year with every kind of record: adopted, combined, archived, pending, forwarded, instructed, reported.
    const adopted = await walkOpinion(t, w, 'adopted');
    await walkOpinion(t, w, 'archived');
    await walkOpinion(t, w, 'submitted', { author: w.users.liaison });
    const main = await walkOpinion(t, w, 'editing');
    const part = await walkOpinion(t, w, 'submitted', { author: w.users.co });
    await call(w.users.staff, 'POST', `/opinions/${main.id}/combine`, { otherOpinionIds: [part.id] });
    await call(w.users.staff, 'POST', `/opinions/${adopted.id}/report`, { target: 'parent' });
    await call(w.users.staff, 'POST', `/opinions/${adopted.id}/forward`, {
      channel: 'department',
      unitId: w.units.department.id,
      deadline: '2099-01-31',
    });
    await call(w.users.staff, 'POST', `/opinions/${adopted.id}/instructions`, {
      leaderName: '李强',
      leaderPost: '县委书记',
      level: 'county',
      text: '请落实。',
      instructedOn: `${year}-06-01`,
    });

    const month = Number(new Date().toLocaleString('en-CA', { timeZone: 'Asia/Shanghai' }).slice(5, 7));
    const quarter = Math.ceil(month / 3);
    const other = (quarter % 4) + 1;
    for (const period of [
      `year=${year}`,
      `year=${year}&quarter=${quarter}`,
      `year=${year}&quarter=${other}`,
    ]) {
      const res = await call(w.users.leader, 'GET', `/opinions/figures?${period}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const figures = res.body as OpinionFigures;
      const all: OpinionFigure[] = [
        ...figures.totals,
        ...figures.adoptedByLevel,
        ...figures.instructedByLevel,
        ...figures.forwarding,
        ...[...figures.bySubmitterType, ...figures.byCategory, ...figures.bySector].flatMap((r) => r.figures),
      ];
      const byKey = new Map(all.map((f) => [f.key, f]));
      if (period.endsWith(`quarter=${other}`)) {
        // Nothing of this spec happened in another quarter of the year.
        expect(byKey.get('received')!.value).toBe(0);
        expect(byKey.get('issues')!.value).toBe(0);
      } else {
        expect(byKey.get('received')!.value).toBeGreaterThanOrEqual(6);
        expect(byKey.get('combined')!.value).toBeGreaterThanOrEqual(1);
        expect(byKey.get('issues')!.value).toBeGreaterThanOrEqual(1);
      }
      expect(byKey.get('adoptedLevel.county')!.unit).toBe('篇');
      expect(byKey.get('forwarded')!.unit).toBe('件');
      expect(byKey.get('issues')!.unit).toBe('期');
      for (const f of all) {
        const query = new URLSearchParams(
          Object.entries(f.filter).map(([k, v]): [string, string] => [k, String(v)]),
        );
        const path =
          f.list === 'opinions'
            ? '/opinions'
            : f.list === 'forwardings'
              ? '/opinion-forwardings'
              : '/opinion-issues';
        const list = await call(w.users.leader, 'GET', `${path}?${query}&pageSize=1`);
        expect(list.status, `${f.key}: ${JSON.stringify(list.body)}`).toBe(200);
        expect(list.body.total, `${period} ${f.label} (${f.key}) ${query}`).toBe(f.value);
      }
    }
    // The city's figures count what its counties reported, per county.
    const city = await call(w.users.cityStaff, 'GET', `/opinions/figures?year=${year}`);
    const row = (city.body as OpinionFigures).byChildCommittee.find((r) => r.label === '永宁县政协');
    expect(row!.figures.find((f) => f.key === 'received')!.value).toBeGreaterThanOrEqual(1);
    expect((await call(w.users.author, 'GET', `/opinions/figures?year=${year}`)).status).toBe(403);
  });

  it('exports the list behind a figure as a spreadsheet', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/opinions/export.xlsx?view=all',
      headers: as(w.users.staff),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
  });
});
