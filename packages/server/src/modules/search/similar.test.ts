import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import * as s from '../../db/schema';
import { caller, useCommitteeApp } from '../../../test/committee-app';
import {
  buildCommittee,
  buildMember,
  buildOpinion,
  buildProposal,
  buildUnit,
  signedInUser,
} from '../../../test/factories';
import { indexedTermVector, termVector } from '../../lib/similarity';
import { forgetAssignmentModels } from './assignment-hints';
import { forgetTermStats } from './similar';

const t = useCommitteeApp({
  users: { proposalStaff: ['proposalStaff'], opinionStaff: ['opinionStaff'], unitHandler: ['unitHandler'] },
});
const call = caller(t);

beforeEach(() => {
  forgetTermStats();
  forgetAssignmentModels();
});

const elevator = {
  title: '关于完善城区老旧小区加装电梯扶持政策的提案',
  content:
    '老旧小区加装电梯资金筹措难、低层住户意见不一、审批手续繁琐。建议设立加装电梯专项补贴，简化审批流程。',
};

async function assignTo(proposalId: number, unitId: number) {
  await t.database.db.insert(s.proposalUnits).values({
    committeeId: t.committeeId,
    proposalId,
    unitId,
    role: 'lead',
    acknowledgeBy: new Date(Date.now() + 7 * 86_400_000),
    deadline: new Date(Date.now() + 90 * 86_400_000),
  });
}

interface Item {
  kind: string;
  id: number;
  title: string;
  exact: boolean;
  likelyDuplicate: boolean;
  score: number;
  outcome: string;
  author: string | null;
  link: string | null;
}
const items = (body: { items: Item[] }) => body.items;

describe('similar proposals and opinions', () => {
  it('while a member writes: earlier proposals and opinions of the same matter with their outcome, nothing unrelated', async () => {
    const db = t.database.db;
    const c = t.committeeId;
    const writer = await buildMember(db, c, { name: '撰写委员' });
    const writerUser = await signedInUser(t.app, c, ['member'], { memberId: writer.id });
    const earlier = await buildProposal(db, c, {
      title: '关于加快推进老旧小区加装电梯工作的提案',
      content:
        '加装电梯涉及低层住户利益，协调难度大，财政补贴标准偏低。建议提高加装电梯补贴，推行审批绿色通道。',
      state: 'closed',
      answerCategory: 'A',
    });
    const adopted = await buildOpinion(db, c, {
      title: '老旧小区加装电梯审批难亟待解决',
      content: '群众反映加装电梯要跑多个部门审批，低层住户不同意时无人协调。建议简化加装电梯审批。',
      state: 'adopted',
      submittedAt: new Date(),
    });
    const unrelated = await buildProposal(db, c, {
      title: '关于完善生育支持政策的提案',
      content: '建议完善生育津贴和育儿补贴政策，发展普惠托育服务。',
      state: 'accepted',
    });
    const othersPending = await buildProposal(db, c, {
      title: '关于老旧小区加装电梯补贴的提案',
      content: '建议加大加装电梯财政补贴力度。',
      state: 'submitted',
    });
    const draft = await buildProposal(db, c, { title: '关于老旧小区加装电梯的提案草稿', state: 'draft' });
    const other = await buildCommittee(db, { name: '邻县政协' });
    await buildProposal(db, other.id, {
      title: '关于老旧小区加装电梯扶持政策的提案（邻县）',
      content: elevator.content,
      state: 'closed',
    });

    const res = await call(writerUser, 'POST', '/search/similar', elevator);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const found = items(res.body);
    const ids = found.map((i) => `${i.kind}${i.id}`);
    expect(ids).toContain(`proposal${earlier.id}`);
    expect(ids).toContain(`opinion${adopted.id}`);
    // Another member's proposal not yet accepted, a draft, another committee's record: never listed.
    expect(ids).not.toContain(`proposal${othersPending.id}`);
    expect(ids).not.toContain(`proposal${draft.id}`);
    expect(ids).not.toContain(`proposal${unrelated.id}`);
    expect(JSON.stringify(res.body)).not.toContain('邻县');
    const earlierItem = found.find((i) => i.kind === 'proposal' && i.id === earlier.id)!;
    expect(earlierItem.outcome).toContain('答复A类');
    // Listed by title and outcome only: the member may not open another member's proposal.
    expect(earlierItem).toMatchObject({ link: null, author: null });
    expect(found.find((i) => i.kind === 'opinion')!.outcome).toContain('已采用');

    // The committee may keep others' records out of members' hints.
    await db
      .update(s.committees)
      .set({ settings: { similarHintListsPublished: false } })
      .where(eq(s.committees.id, c));
    const closed = await call(writerUser, 'POST', '/search/similar', elevator);
    expect(items(closed.body)).toEqual([]);
    await db.update(s.committees).set({ settings: {} }).where(eq(s.committees.id, c));
  });

  it('at review: a ranked list, the exact copy first and flagged, near duplicates marked; a review tool for staff only', async () => {
    const db = t.database.db;
    const c = t.committeeId;
    const proposer = await buildMember(db, c, { name: '审查提案人' });
    const proposerUser = await signedInUser(t.app, c, ['member'], { memberId: proposer.id });
    const reviewing = await buildProposal(db, c, {
      title: '关于规范城区电动自行车集中充电设施建设的提案',
      content:
        '电动自行车飞线充电、楼道充电现象普遍，火灾隐患突出。建议在小区建设集中充电设施，推广智能充电桩。',
      state: 'reviewing',
      leadMemberId: proposer.id,
    });
    const copy = await buildProposal(db, c, {
      title: '关于规范城区电动自行车集中充电设施建设的提案',
      content: '另一位委员提交的同题提案。',
      state: 'submitted',
    });
    const near = await buildProposal(db, c, {
      title: '关于加快小区电动自行车集中充电桩建设的提案',
      content: '居民电动自行车只能飞线充电或推进楼道充电，隐患很大。建议加快建设集中充电桩，解决充电难。',
      state: 'accepted',
    });
    const distant = await buildProposal(db, c, {
      title: '关于加强城区学校周边交通秩序管理的提案',
      content: '上下学时段学校周边拥堵，建议增设临时停车位。',
      state: 'submitted',
    });

    const res = await call(t.users.proposalStaff, 'GET', `/search/similar/proposal/${reviewing.id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const found = items(res.body);
    expect(found[0]).toMatchObject({ id: copy.id, exact: true, likelyDuplicate: true });
    const nearItem = found.find((i) => i.id === near.id);
    expect(nearItem, JSON.stringify(found)).toBeDefined();
    expect(nearItem!.likelyDuplicate).toBe(true);
    expect(nearItem!.link).toBe(`/proposals/${near.id}`);
    expect(found.map((i) => i.id)).not.toContain(distant.id);
    expect(found.map((i) => i.id)).not.toContain(reviewing.id);
    // Ranked: scores never rise after the exact copies.
    const scores = found.filter((i) => !i.exact).map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    expect((await call(proposerUser, 'GET', `/search/similar/proposal/${reviewing.id}`)).status).toBe(403);
    expect((await call(t.users.unitHandler, 'GET', `/search/similar/proposal/${reviewing.id}`)).status).toBe(
      404,
    );
    const foreign = await buildProposal(db, (await buildCommittee(db)).id, { state: 'reviewing' });
    expect((await call(t.users.proposalStaff, 'GET', `/search/similar/proposal/${foreign.id}`)).status).toBe(
      404,
    );
  });

  it('a background many records share word for word does not make them duplicates of each other', async () => {
    const db = t.database.db;
    const c = t.committeeId;
    const background =
      '我县共有二〇〇〇年以前建成的旧街坊一百三十七个，涉及居民两万六千户，配套设施普遍落后。';
    const closing = '以上建议供县委、县政府决策参考，恳请有关部门研究采纳。';
    const reviewing = await buildProposal(db, c, {
      title: '关于旧街坊增设健身场地的提案',
      content: `${background}旧街坊缺少健身场地，老人和儿童只能在道路上活动。建议利用边角地建设口袋公园和健身角。${closing}`,
      state: 'reviewing',
    });
    const sameMatter = await buildProposal(db, c, {
      title: '关于在旧街坊建设口袋公园和健身角的提案',
      content: `${background}旧街坊居民健身无处去，老人儿童在道路上活动有安全隐患。建议利用边角地建设口袋公园、健身角。${closing}`,
      state: 'accepted',
    });
    const others = [];
    for (const [title, matter] of [
      ['关于旧街坊供暖管网改造的提案', '供暖管网跑冒滴漏，冬季室温不达标。建议制定分年度管网改造计划。'],
      ['关于旧街坊雨污分流的提案', '雨污合流，雨季污水外溢。建议将雨污分流纳入改造必选内容。'],
      ['关于旧街坊停车管理的提案', '车辆乱停堵塞消防通道。建议挖掘周边空地建设立体停车场。'],
    ] as const)
      others.push(
        await buildProposal(db, c, { title, content: `${background}${matter}${closing}`, state: 'accepted' }),
      );
    const res = await call(t.users.proposalStaff, 'GET', `/search/similar/proposal/${reviewing.id}`);
    const found = items(res.body);
    expect(found.find((i) => i.id === sameMatter.id)?.likelyDuplicate, JSON.stringify(found)).toBe(true);
    for (const other of others)
      expect(found.find((i) => i.id === other.id)?.likelyDuplicate ?? false, JSON.stringify(found)).toBe(
        false,
      );
  });

  it('an opinion being edited: its staff see proposals and opinions alike', async () => {
    const db = t.database.db;
    const c = t.committeeId;
    const editing = await buildOpinion(db, c, {
      title: '夜市流动摊贩食品安全监管存在盲区',
      content: '夜市流动摊贩无证经营，食品加工卫生条件差，监管存在盲区。建议建立夜市摊贩登记制度。',
      state: 'editing',
      submittedAt: new Date(),
    });
    const proposal = await buildProposal(db, c, {
      title: '关于加强夜市流动摊贩食品安全监管的提案',
      content: '夜市摊贩流动性大，食品安全监管难。建议推行夜市摊贩登记和食品安全承诺制度。',
      state: 'accepted',
    });
    const res = await call(t.users.opinionStaff, 'GET', `/search/similar/opinion/${editing.id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(items(res.body).map((i) => `${i.kind}${i.id}`)).toContain(`proposal${proposal.id}`);
    expect((await call(t.users.proposalStaff, 'GET', `/search/similar/opinion/${editing.id}`)).status).toBe(
      404,
    );
  });

  it('reads a record’s words from its index entry exactly as cutting its text gives them', async () => {
    const db = t.database.db;
    const p = await buildProposal(db, t.committeeId, {
      title: '关于加强城区电动自行车充电安全管理的提案',
      content: '电动自行车充电引发火灾多发。建议建设集中充电设施，电动自行车充电安全纳入社区网格管理。',
      state: 'submitted',
    });
    await call(t.users.proposalStaff, 'GET', `/search/similar/proposal/${p.id}`);
    const [entry] = await db
      .select({ terms: sql<string>`${s.searchEntries.terms}::text` })
      .from(s.searchEntries)
      .where(and(eq(s.searchEntries.kind, 'proposal'), eq(s.searchEntries.recordId, p.id)));
    expect(Object.fromEntries(indexedTermVector(entry!.terms))).toEqual(
      Object.fromEntries(termVector(p.title, p.content)),
    );
  });

  it('refuses malformed requests with a Chinese message', async () => {
    const long = await call(t.users.proposalStaff, 'POST', '/search/similar', { title: '电'.repeat(201) });
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body)).toContain('标题不超过 200 个字');
    const kind = await call(t.users.proposalStaff, 'POST', '/search/similar', {
      title: '电梯',
      kinds: ['member'],
    });
    expect(kind.status).toBe(400);
    expect((await call(t.users.proposalStaff, 'GET', '/search/similar/member/1')).status).toBe(400);
    const empty = await call(t.users.proposalStaff, 'POST', '/search/similar', { title: '' });
    expect(empty.status).toBe(200);
    expect(empty.body.items).toEqual([]);
  });
});

describe('unit and category suggestions', () => {
  it('learns from the committee’s own assignments and ranks the likeliest units for a new proposal', async () => {
    const db = t.database.db;
    const c = t.committeeId;
    const housing = await buildUnit(db, c, { name: '县住房和城乡建设局' });
    const schools = await buildUnit(db, c, { name: '县教育局' });
    const past = [
      ['关于老旧小区加装电梯资金补贴的提案', '加装电梯补贴', housing.id, '社会建设'],
      ['关于推进老旧小区雨污分流改造的提案', '老旧小区管网改造', housing.id, '社会建设'],
      ['关于简化住宅加装电梯审批的提案', '电梯审批', housing.id, '社会建设'],
      ['关于缓解城区学校大班额的提案', '学校学位紧张，大班额', schools.id, '文化建设'],
      ['关于加强乡村教师队伍建设的提案', '乡村学校教师流失', schools.id, '文化建设'],
    ] as const;
    for (const [title, content, unitId, category] of past) {
      const p = await buildProposal(db, c, { title, content, state: 'assigned', category });
      await assignTo(p.id, unitId);
    }
    const fresh = await buildProposal(db, c, {
      title: '关于加快老旧小区加装电梯的提案',
      content: '加装电梯资金缺口大，审批慢。',
      state: 'submitted',
      category: '其他',
      suggestedUnitIds: [schools.id],
    });
    const draft = await buildProposal(db, c, { title: '关于学校的提案草稿', state: 'draft' });
    const foreign = await buildProposal(db, (await buildCommittee(db)).id, { state: 'submitted' });

    const res = await call(t.users.proposalStaff, 'POST', '/search/assignment-hints', {
      proposalIds: [fresh.id, draft.id, foreign.id],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.map((i: { proposalId: number }) => i.proposalId)).toEqual([fresh.id]);
    const [hint] = res.body.items;
    expect(hint.units[0]).toMatchObject({ id: housing.id, name: '县住房和城乡建设局' });
    expect(hint.proposerSuggested).toEqual([{ id: schools.id, name: '县教育局' }]);
    expect(hint.units[0].confidence).toBeGreaterThan(hint.units[1]?.confidence ?? 0);
    expect(hint.categories[0].category).toBe('社会建设');
    expect(res.body.learnedFromAssigned).toBeGreaterThanOrEqual(5);

    expect(
      (await call(t.users.unitHandler, 'POST', '/search/assignment-hints', { proposalIds: [fresh.id] }))
        .status,
    ).toBe(403);
    const tooMany = await call(t.users.proposalStaff, 'POST', '/search/assignment-hints', {
      proposalIds: Array.from({ length: 201 }, (_, i) => i + 1),
    });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain('一次最多 200 件');
  });
});
