import { and, eq } from 'drizzle-orm';
import type { AppConfig } from '../../env';
import type { Db, DbOrTx } from '../client';
import * as s from '../schema';
import { actorOfUser, type ServiceContext } from '../../lib/actor';
import { recordActivityOutcome } from '../../modules/activities/commands/write-activity';
import { createReadingNote, returnReadingNote } from '../../modules/activities/outcomes/reading-notes';
import {
  acceptSpeech,
  createSpeech,
  declineSpeech,
  selectSpeech,
} from '../../modules/activities/outcomes/speeches';
import {
  adoptSuggestion,
  createSuggestion,
  declineSuggestion,
  implementSuggestion,
  sendSuggestion,
} from '../../modules/activities/outcomes/suggestions';
import type { SeededOrganisation } from './organisation';
import { seededRandom } from './random';

/**
 * What the demo year's activities produced, walked through the same use cases: suggestions in every
 * state (most of them carried out: 成果转化), speeches at the plenary and the standing meetings, reading
 * notes, the residents' issues of 有事好商量 and how many the visits reached.
 */

const ctxOf = (db: DbOrTx, user: typeof s.users.$inferSelect): ServiceContext => ({
  db,
  actor: actorOfUser(user, null),
  config: {} as AppConfig,
});

const day = (d: Date) => d.toISOString().slice(0, 10);
const daysAfter = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

/** Suggestions by activity topic: the text, and how far it got. */
type Fate = 'proposed' | 'sent' | 'overdue' | 'notAdopted' | 'adopted' | 'implemented';
const suggestionPlans: { topic: string; items: [string, Fate][] }[] = [
  {
    topic: '关于老旧小区改造的专题调研',
    items: [
      ['将加装电梯纳入老旧小区改造必选项目，简化联合审批流程', 'implemented'],
      ['建立改造后小区长效物业管理机制，明确街道、社区和业委会责任', 'implemented'],
      ['统筹雨污分流与管网改造，避免道路反复开挖', 'adopted'],
    ],
  },
  {
    topic: '有事好商量：背街小巷停车难',
    items: [
      ['利用边角空地增设临时停车位，夜间开放机关单位停车场', 'implemented'],
      ['在背街小巷实行单侧停车并施划停车线', 'implemented'],
    ],
  },
  {
    topic: '视察城区中小学校园安全',
    items: [
      ['在学校周边增设护学岗和减速带，上下学时段加强巡逻', 'implemented'],
      ['定期开展校园食堂食品安全检查并公开结果', 'implemented'],
    ],
  },
  {
    topic: '优化营商环境专题协商会',
    items: [
      ['推行涉企审批“一件事一次办”，压缩企业开办时间', 'implemented'],
      ['建立拖欠中小企业账款清理台账，按月通报', 'notAdopted'],
    ],
  },
  {
    topic: '农村饮水安全专项民主监督',
    items: [
      ['对农村供水工程水质每季度抽检并向群众公开', 'implemented'],
      ['落实农村供水工程管护经费，明确村级管水员', 'implemented'],
    ],
  },
  {
    topic: '有事好商量：电动车进楼充电隐患',
    items: [
      ['在小区集中建设电动车充电棚，安装智能充电桩', 'implemented'],
      ['开展电动车进楼入户专项整治，加强消防宣传', 'implemented'],
    ],
  },
  {
    topic: '关于养老服务体系建设的调研',
    items: [
      ['推进社区嵌入式养老服务站点建设，覆盖全部城市社区', 'implemented'],
      ['建立农村互助养老幸福院运营补助制度', 'sent'],
    ],
  },
  {
    topic: '有事好商量：农贸市场改造',
    items: [
      ['农贸市场改造期间设置临时过渡摊位，保障居民买菜', 'overdue'],
      ['改造后实行摊位公开竞租，优先安排原有商户', 'proposed'],
    ],
  },
];

const adoptionFeedback = [
  '已采纳，列入年度重点工作安排',
  '已采纳，由主管部门牵头制定实施方案',
  '已采纳，纳入今年民生实事项目',
];
const implementationFeedback = [
  '已完成，相关工作已形成长效机制',
  '已落实，群众反映良好',
  '已按期完成，并向政协反馈办理结果',
];

export async function seedActivityOutcomes(db: Db, org: SeededOrganisation, now = new Date()) {
  await db.transaction((tx) => seedIn(tx, org, now));
}

async function seedIn(db: DbOrTx, org: SeededOrganisation, now: Date) {
  const random = seededRandom(20244);
  const users = await db.select().from(s.users).where(eq(s.users.committeeId, org.countyId));
  const byName = (username: string) => users.find((u) => u.username === username)!;
  const staff = ctxOf(db, byName('liaison.staff'));
  const unitUser = byName('unit.handler');
  const unitCtx = ctxOf(db, unitUser);
  const activities = await db
    .select()
    .from(s.activities)
    .where(and(eq(s.activities.committeeId, org.countyId), eq(s.activities.state, 'closed')));
  const byTopic = (topic: string) => activities.find((a) => a.topic === topic);

  // Suggestions: the demo department answers those sent to it; the office records the others' answers.
  const otherUnits = org.unitIds.filter((id) => id !== unitUser.unitId);
  for (const [i, plan] of suggestionPlans.entries()) {
    const activity = byTopic(plan.topic);
    if (!activity) continue;
    for (const [j, [content, fate]] of plan.items.entries()) {
      const created = await createSuggestion(staff, {
        activityId: activity.id,
        content,
        unitId: null,
        deadline: null,
      });
      // Dated as the year went, not the day the demo was written.
      await db
        .update(s.activitySuggestions)
        .set({ createdAt: daysAfter(activity.startsAt, 1) })
        .where(eq(s.activitySuggestions.id, created.id));
      if (fate === 'proposed') continue;
      const toDemoUnit = (i + j) % 3 === 0 || fate === 'overdue';
      const unitId = toDemoUnit ? unitUser.unitId! : random.pick(otherUnits);
      const answering = toDemoUnit ? unitCtx : staff;
      const sentOn = daysAfter(activity.startsAt, 7);
      const deadline = fate === 'overdue' ? daysAfter(now, -5) : daysAfter(sentOn, 60);
      await sendSuggestion(staff, created.id, { unitId, deadline: day(deadline) });
      await db
        .update(s.activitySuggestions)
        .set({ sentAt: sentOn < now ? sentOn : now })
        .where(eq(s.activitySuggestions.id, created.id));
      if (fate === 'sent' || fate === 'overdue') continue;
      if (fate === 'notAdopted') {
        await declineSuggestion(answering, created.id, {
          feedback: '受财力所限，暂不具备实施条件，留作参考',
        });
        continue;
      }
      const adoptedOn = daysAfter(sentOn, 30);
      await adoptSuggestion(answering, created.id, {
        feedback: random.pick(adoptionFeedback),
        adoptedOn: day(adoptedOn < now ? adoptedOn : now),
      });
      if (fate === 'implemented') {
        const doneOn = daysAfter(sentOn, 90);
        await implementSuggestion(answering, created.id, {
          feedback: random.pick(implementationFeedback),
          implementedOn: day(doneOn < now ? doneOn : now),
          evidenceAttachmentIds: [],
        });
      }
    }
  }

  // Speeches: written ones for the plenary (some selected for delivery), oral ones at standing meetings.
  const invitees = async (activityId: number) =>
    (
      await db
        .select({ memberId: s.activityInvitations.memberId })
        .from(s.activityInvitations)
        .where(eq(s.activityInvitations.activityId, activityId))
    ).map((r) => r.memberId);
  const memberUsers = new Map(users.filter((u) => u.memberId !== null).map((u) => [u.memberId!, u]));
  const plenary = activities.find((a) => a.kind === 'plenary');
  if (plenary) {
    const invited = await invitees(plenary.id);
    const speakers = [
      byName('member').memberId!,
      ...invited.filter((id) => !memberUsers.has(id)).slice(0, 9),
    ];
    for (const [k, memberId] of speakers.entries()) {
      const title = speechTitles[k % speechTitles.length]!;
      const author = memberUsers.get(memberId);
      const input = {
        activityId: plenary.id,
        mode: 'written' as const,
        title,
        content: `${title}。（书面发言稿）`,
        attachmentIds: [],
      };
      // Members with an account submit their own; the office enters those handed in on paper.
      const speech = author
        ? await createSpeech(ctxOf(db, author), input)
        : await createSpeech(staff, { ...input, memberId });
      if (author) await acceptSpeech(staff, speech.id, {});
      if (k < 4) await selectSpeech(staff, speech.id, {});
      if (k === speakers.length - 1)
        await declineSpeech(staff, speech.id, { note: '与其他发言内容重复，合并发言' });
    }
  }
  for (const meeting of activities.filter((a) => a.kind === 'standingMeeting')) {
    const invited = await invitees(meeting.id);
    for (const memberId of invited.slice(0, 3))
      await createSpeech(staff, {
        activityId: meeting.id,
        memberId,
        mode: 'oral',
        title: random.pick(speechTitles),
        content: '会议发言要点',
        attachmentIds: [],
      });
  }

  // Reading notes of the reading activity's invitees who have accounts; one returned.
  const reading = activities.find((a) => a.kind === 'reading');
  if (reading) {
    const readers = [byName('member'), byName('member2'), byName('leader')];
    for (const [k, reader] of readers.entries()) {
      const book = books[k % books.length]!;
      const note = await createReadingNote(ctxOf(db, reader), {
        bookTitle: book,
        title: `读《${book}》的几点体会`,
        content: `结合履职实际，谈谈读《${book}》的体会：……`,
        activityId: reading.id,
      });
      if (k === 2) await returnReadingNote(staff, note.id, { reason: '请结合履职实际补充体会后重新提交' });
    }
  }

  // Outcomes of the grassroots consultations and the visit.
  const grassroots = activities.filter((a) => a.kind === 'grassrootsConsultation');
  for (const [k, a] of grassroots.entries())
    await recordActivityOutcome(staff, a.id, {
      residentIssue: residentIssues[k % residentIssues.length],
      issueResolved: k < grassroots.length - 1,
    });
  for (const a of activities.filter((x) => x.kind === 'visit'))
    await recordActivityOutcome(staff, a.id, { visitedCount: 18 });
  const reports = activities.filter((a) => ['research', 'inspection', 'supervision'].includes(a.kind));
  for (const a of reports.slice(0, 2))
    await recordActivityOutcome(staff, a.id, {
      leaderInstructions: '县委主要领导批示：调研报告很有价值，请相关部门认真研究落实。',
    });
}

const speechTitles = [
  '关于推进县域医共体建设的建议',
  '发展特色农业，助力乡村振兴',
  '优化营商环境，激发市场主体活力',
  '加强农村留守儿童关爱保护',
  '推动老旧小区改造提质增效',
  '完善基层社会治理体系',
  '发展全域旅游，打造文旅品牌',
  '加快补齐养老服务短板',
];
const books = ['习近平新时代中国特色社会主义思想学习纲要', '乡土中国', '人民政协理论与实践'];
const residentIssues = [
  '背街小巷车辆乱停乱放，居民出行不便',
  '电动车进楼充电存在火灾隐患',
  '农贸市场设施陈旧，环境脏乱',
];
