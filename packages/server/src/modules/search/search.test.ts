import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { defaultSettings } from '@cppcc/shared';
import * as s from '../../db/schema';
import { caller, useCommitteeApp } from '../../../test/committee-app';
import {
  buildActivity,
  buildCommittee,
  buildMember,
  buildOpinion,
  buildProposal,
  buildSector,
  buildUnit,
  signedInUser,
} from '../../../test/factories';
import { hitsPerKindCap } from './search';
import { addSearchWords, highlight, indexTerms, pinyinOf, queryTerms } from '../../lib/chinese-text';

describe('segmenting Chinese for search', () => {
  it('keeps domain phrases whole, and cuts a query the way documents are indexed', () => {
    addSearchWords(defaultSettings.searchDictionary);
    expect(indexTerms('电动车进楼充电隐患')).toEqual(expect.arrayContaining(['电动车', '充电', '隐患']));
    expect(indexTerms('锂电池起火')).toContain('锂电池');
    expect(indexTerms('开展有事好商量协商活动')).toContain('有事好商量');
    expect(queryTerms('有事好商量')).toEqual(['有事好商量']);
    expect(queryTerms('关于加装电梯的提案')).toEqual(['加装电梯']);
    expect(queryTerms('电梯')).toEqual(['电梯']);
  });

  it('keeps a word whole once it is in the dictionary (楼小二, 码上办, 邻里帮帮团)', () => {
    // 楼小二 the segmenter already guesses whole; 码上办 and 邻里帮帮团 it cuts until they are added.
    expect(indexTerms('推行码上办服务')).not.toContain('码上办');
    expect(indexTerms('组建邻里帮帮团')).not.toContain('邻里帮帮团');
    addSearchWords(['楼小二', '码上办', '邻里帮帮团']);
    expect(indexTerms('推行码上办服务')).toContain('码上办');
    expect(indexTerms('组建邻里帮帮团')).toContain('邻里帮帮团');
    expect(indexTerms('发挥楼小二作用')).toContain('楼小二');
    expect(queryTerms('楼小二')).toEqual(['楼小二']);
    expect(queryTerms('码上办')).toEqual(['码上办']);
  });

  it('gives the pinyin and initials of a name, and marks what matched', () => {
    expect(pinyinOf('魏央超')).toEqual({ full: 'weiyangchao', initials: 'wyc' });
    expect(highlight('老旧小区加装电梯', ['电梯'])).toEqual([
      { text: '老旧小区加装', hit: false },
      { text: '电梯', hit: true },
    ]);
  });
});

const t = useCommitteeApp({ users: { proposalStaff: ['proposalStaff'], liaisonStaff: ['liaisonStaff'] } });
const call = caller(t);
const titles = (body: { items: { title: { text: string }[] }[] }) =>
  body.items.map((i) => i.title.map((p) => p.text).join(''));

describe('the global search', () => {
  it('finds two-character words in proposals, opinions and activities, only what the actor may read', async () => {
    const db = t.database.db;
    const c = t.committeeId;
    const sector = await buildSector(db, c, '经济界');
    const author = await buildMember(db, c, { name: '魏央超', sectorId: sector.id });
    const unit = await buildUnit(db, c, { name: '县住建局' });
    const otherUnit = await buildUnit(db, c, { name: '县教育局' });
    const assigned = await buildProposal(db, c, {
      title: '关于完善城区老旧小区加装电梯扶持政策的提案',
      content: '加装电梯审批流程繁琐，资金筹措困难。',
      state: 'assigned',
      leadMemberId: author.id,
    });
    await db.insert(s.proposalUnits).values({
      committeeId: c,
      proposalId: assigned.id,
      unitId: unit.id,
      role: 'lead',
      acknowledgeBy: new Date(Date.now() + 7 * 86_400_000),
      deadline: new Date(Date.now() + 90 * 86_400_000),
    });
    await buildProposal(db, c, { title: '关于推进老旧小区电梯更新的提案', state: 'submitted' });
    const draft = await buildProposal(db, c, { title: '关于老旧小区电梯维保的提案草稿', state: 'draft' });
    await buildOpinion(db, c, {
      title: '老旧小区电梯故障频发亟待解决',
      state: 'submitted',
      submittedAt: new Date(),
    });
    await buildActivity(db, c, { topic: '老旧小区加装电梯专题调研', state: 'closed' });
    const other = await buildCommittee(db, { name: '另一县政协' });
    await buildProposal(db, other.id, { title: '关于老旧小区加装电梯的提案（另一县）', state: 'submitted' });

    const staff = await call(t.users.proposalStaff, 'GET', `/search?q=${encodeURIComponent('电梯')}`);
    expect(staff.status, JSON.stringify(staff.body)).toBe(200);
    expect(staff.body.counts.proposal).toBe(2);
    expect(titles(staff.body)).not.toContain('关于老旧小区电梯维保的提案草稿');
    expect(JSON.stringify(staff.body)).not.toContain('另一县');
    const hit = staff.body.items.find((i: { id: number }) => i.id === assigned.id);
    expect(hit.title).toContainEqual({ text: '电梯', hit: true });
    expect(hit.link).toBe(`/proposals/${assigned.id}`);

    const handler = await signedInUser(t.app, c, ['unitHandler'], { unitId: unit.id });
    const unitHits = await call(handler, 'GET', `/search?q=${encodeURIComponent('电梯')}`);
    expect(unitHits.body.items.map((i: { kind: string; id: number }) => `${i.kind}${i.id}`)).toEqual([
      `proposal${assigned.id}`,
    ]);
    const otherHandler = await signedInUser(t.app, c, ['unitHandler'], { unitId: otherUnit.id });
    expect((await call(otherHandler, 'GET', `/search?q=${encodeURIComponent('电梯')}`)).body.total).toBe(0);

    const authorUser = await signedInUser(t.app, c, ['member'], { memberId: author.id });
    const own = await call(authorUser, 'GET', `/search?q=${encodeURIComponent('电梯')}&kind=proposal`);
    expect(own.body.items.map((i: { id: number }) => i.id)).toEqual([assigned.id]);
    // The liaison staff see activities and members, not proposals they have no part in.
    const liaison = await call(t.users.liaisonStaff, 'GET', `/search?q=${encodeURIComponent('电梯')}`);
    expect(liaison.body.counts).toMatchObject({ proposal: 0, activity: 1 });
    void draft;
  });

  it('finds people by name, pinyin and initials', async () => {
    for (const q of ['魏央超', 'weiyang', 'wyc']) {
      const res = await call(t.users.liaisonStaff, 'GET', `/search?q=${q}&kind=member`);
      expect(
        res.body.items.map((i: { title: { text: string }[] }) => i.title.map((p) => p.text).join('')),
        q,
      ).toContain('魏央超');
    }
  });

  it('follows changes to the records and to the dictionary', async () => {
    const db = t.database.db;
    const p = await buildProposal(db, t.committeeId, {
      title: '关于推广浙里办应用的提案',
      state: 'submitted',
    });
    const find = async (q: string) =>
      (
        await call(t.users.proposalStaff, 'GET', `/search?q=${encodeURIComponent(q)}&kind=proposal`)
      ).body.items.map((i: { id: number }) => i.id);
    // Without the word, 浙里办 is cut into 浙里 and 办; the single character is not searched for.
    const before = await call(t.users.proposalStaff, 'GET', `/search?q=${encodeURIComponent('浙里办')}`);
    expect(before.body.terms).toEqual(['浙里']);
    await db
      .update(s.committees)
      .set({ settings: { searchDictionary: [...defaultSettings.searchDictionary, '浙里办'] } })
      .where(eq(s.committees.id, t.committeeId));
    const after = await call(t.users.proposalStaff, 'GET', `/search?q=${encodeURIComponent('浙里办')}`);
    expect(after.body.terms).toEqual(['浙里办']);
    expect(after.body.items[0].title).toContainEqual({ text: '浙里办', hit: true });

    await db
      .update(s.proposals)
      .set({ title: '关于推广一网通办的提案', updatedAt: sql`now()` })
      .where(eq(s.proposals.id, p.id));
    expect(await find('一网通办')).toContain(p.id);
    expect(await find('浙里办')).not.toContain(p.id);
  });

  it('ranks at most 200 of a kind and says its count is a floor', async () => {
    const db = t.database.db;
    const lead = await buildMember(db, t.committeeId);
    const one = await buildProposal(db, t.committeeId, {
      title: '关于规范城区共享单车停放的提案',
      state: 'submitted',
      leadMemberId: lead.id,
    });
    const copy = await db.select().from(s.proposals).where(eq(s.proposals.id, one.id));
    const { id: _id, number: _number, ...row } = copy[0]!;
    await db
      .insert(s.proposals)
      .values(Array.from({ length: hitsPerKindCap }, (_, i) => ({ ...row, title: `${row.title}（${i}）` })));
    const res = await call(t.users.proposalStaff, 'GET', `/search?q=${encodeURIComponent('共享单车')}`);
    expect(res.body.counts.proposal).toBe(hitsPerKindCap);
    expect(res.body.capped).toEqual(['proposal']);
    const few = await call(t.users.proposalStaff, 'GET', `/search?q=${encodeURIComponent('浙里办')}`);
    expect(few.body.capped).toEqual([]);
  });

  it('refuses an empty or overlong query with a Chinese message', async () => {
    const empty = await call(t.users.proposalStaff, 'GET', '/search?q=%20');
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('请输入要搜索的内容');
    const long = await call(t.users.proposalStaff, 'GET', `/search?q=${'电'.repeat(51)}`);
    expect(long.status).toBe(400);
    const odd = await call(t.users.proposalStaff, 'GET', `/search?q=${encodeURIComponent("电梯' & !(:*")}`);
    expect(odd.status, JSON.stringify(odd.body)).toBe(200);
  });
});
