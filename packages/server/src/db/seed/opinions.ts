import { and, eq, inArray, isNotNull, like } from 'drizzle-orm';
import type { AppConfig } from '../../env';
import type { Db, DbOrTx } from '../client';
import * as s from '../schema';
import { actorOfUser, type ServiceContext } from '../../lib/actor';
import { createOpinion } from '../../modules/opinions/commands/author-opinion';
import {
  adoptOpinion,
  archiveOpinion,
  combineOpinions,
  returnOpinion,
  saveEdit,
  startEditing,
} from '../../modules/opinions/commands/decisions';
import {
  acceptForwardingAnswer,
  acknowledgeForwarding,
  answerForwarding,
  forwardOpinion,
  returnForwarding,
} from '../../modules/opinions/commands/forwarding';
import { recordInstruction, reportInstructionDone } from '../../modules/opinions/commands/instructions';
import { createIssue, sendIssue } from '../../modules/opinions/commands/issues';
import { recordExternalOutcome, reportOpinion } from '../../modules/opinions/commands/report';
import { respondCoauthor, submitOpinion, withdrawOpinion } from '../../modules/opinions/commands/submission';
import { demoTowns, type SeededOrganisation } from './organisation';
import { leaderInstructions, opinionContent, opinionTitle, opinionTopics } from './opinion-texts';
import { seededRandom } from './random';

/**
 * About 120 demo opinions of the district, walked through the opinion use cases themselves as the real
 * roles would: drafts, reports, edits, every decision, issues of both series, reports to the city and
 * on to the province and 全国政协, instructions at two levels and items forwarded to 12345 in every state.
 * Running the use cases keeps the ledger, duty records, timelines and notifications what they would be.
 */

type Plan = 'draft' | 'submitted' | 'editing' | 'returned' | 'withdrawn' | 'archived' | 'adopted' | 'combine';
const plans: [Plan, number][] = [
  ['draft', 6],
  ['submitted', 12],
  ['editing', 8],
  ['returned', 4],
  ['withdrawn', 3],
  ['archived', 22],
  ['combine', 6],
  ['adopted', 47],
];

const ctxOf = (db: DbOrTx, user: typeof s.users.$inferSelect): ServiceContext => ({
  db,
  actor: actorOfUser(user, null),
  // The opinion use cases read no configuration.
  config: {} as AppConfig,
});

export async function seedOpinions(db: Db, org: SeededOrganisation) {
  // One transaction: each use case's own transaction becomes a savepoint, and nothing is half-seeded.
  await db.transaction((tx) => seedIn(tx, org));
}

async function seedIn(db: DbOrTx, org: SeededOrganisation) {
  const random = seededRandom(20242);
  const countyUsers = await db.select().from(s.users).where(eq(s.users.committeeId, org.countyId));
  const byName = (username: string) => countyUsers.find((u) => u.username === username)!;
  const [cityStaff] = await db.select().from(s.users).where(eq(s.users.username, 'city.staff'));
  const [provinceStaff] = await db.select().from(s.users).where(eq(s.users.username, 'province.staff'));
  const staff = ctxOf(db, byName('opinion.staff'));
  const city = ctxOf(db, cityStaff!);
  const province = ctxOf(db, provinceStaff!);
  const memberUsers = countyUsers.filter((u) => u.memberId !== null && u.roles.includes('member'));
  const author = () => (random.chance(0.3) ? byName('member') : random.pick(memberUsers));

  // Two organisations report through their conveners.
  const organisations = await db
    .select()
    .from(s.organisationProposers)
    .where(
      and(
        eq(s.organisationProposers.committeeId, org.countyId),
        like(s.organisationProposers.name, '%金川区%'),
      ),
    );
  const conveners = memberUsers.slice(2, 4);
  for (const [i, o] of organisations.slice(0, 2).entries())
    await db
      .update(s.organisationProposers)
      .set({ convenerMemberId: conveners[i]!.memberId })
      .where(eq(s.organisationProposers.id, o.id));

  const [hotline] = await db
    .select()
    .from(s.units)
    .where(and(eq(s.units.committeeId, org.countyId), like(s.units.name, '%12345%')));
  const department = byName('unit.handler').unitId!;

  let n = 0;
  const write = async (
    as: typeof s.users.$inferSelect,
    extra: { organisationProposerId?: number; coauthors?: number[] } = {},
  ) => {
    const topic = opinionTopics[n % opinionTopics.length]!;
    const place = demoTowns[n % demoTowns.length]!;
    const title = opinionTitle(topic, Math.floor(n / opinionTopics.length), place);
    n += 1;
    const o = await createOpinion(ctxOf(db, as), {
      title,
      category: topic.category,
      content: opinionContent(topic, place),
      coauthorMemberIds: extra.coauthors ?? [],
      attachmentIds: [],
      organisationProposerId: extra.organisationProposerId ?? null,
    });
    return { id: o.id, ctx: ctxOf(db, as) };
  };
  const submitted = async (kind: 'member' | 'organisation' | 'liaison' = 'member') => {
    const who =
      kind === 'liaison'
        ? byName('info.liaison')
        : kind === 'organisation'
          ? random.pick(conveners)
          : author();
    const orgId = kind === 'organisation' ? organisations[conveners.indexOf(who)]?.id : undefined;
    const co =
      kind === 'member' && random.chance(0.25)
        ? [random.pick(memberUsers).memberId!].filter((m) => m !== who.memberId)
        : [];
    const o = await write(who, { organisationProposerId: orgId, coauthors: co });
    await submitOpinion(o.ctx, o.id, {});
    for (const memberId of co) {
      const coUser = memberUsers.find((u) => u.memberId === memberId)!;
      await respondCoauthor(ctxOf(db, coUser), o.id, { confirm: true });
    }
    return o.id;
  };
  const kindFor = (i: number) => (i % 9 === 0 ? 'liaison' : i % 7 === 0 ? 'organisation' : 'member');

  const adopted: number[] = [];
  for (const [plan, count] of plans) {
    for (let i = 0; i < count; i += 1) {
      if (plan === 'draft') {
        await write(author());
        continue;
      }
      const id = await submitted(kindFor(n));
      if (plan === 'submitted') continue;
      if (plan === 'withdrawn') {
        const by = await authorOf(db, id);
        await withdrawOpinion(
          ctxOf(
            db,
            countyUsers.find((u) => u.id === by)!,
          ),
          id,
          {
            reason: '情况已由有关部门解决',
          },
        );
        continue;
      }
      if (plan === 'returned') {
        await returnOpinion(staff, id, { comment: '请补充具体数据和可操作的建议' });
        continue;
      }
      await startEditing(staff, id, {});
      if (random.chance(0.6) || plan === 'editing') {
        const [row] = await db.select().from(s.opinions).where(eq(s.opinions.id, id));
        await saveEdit(staff, id, {
          title: row!.title,
          content: `${row!.content}\n（编辑时精简了表述）`,
          note: '精简文字',
        });
      }
      if (plan === 'editing') continue;
      if (plan === 'archived') {
        await archiveOpinion(staff, id, {
          reason: random.pick(['已有同类信息', '问题已在解决中', '建议针对性不强']),
        });
        continue;
      }
      if (plan === 'combine') {
        const others = [await submitted(), await submitted()];
        await combineOpinions(staff, id, { otherOpinionIds: others, note: '同类信息综合' });
      } else await adoptOpinion(staff, id, {});
      adopted.push(id);
    }
  }

  // Issues: 《社情民意》 five sent and one being compiled; 《社情民意专报》 three sent, the first to the city.
  const inIssues = adopted.slice(0, 32);
  const chunks = (list: number[], size: number) =>
    Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));
  const regular = chunks(inIssues.slice(0, 24), 4);
  for (const [i, articleIds] of regular.entries()) {
    const issue = await createIssue(staff, {
      series: '社情民意',
      articleIds,
      reportTo: ['区委', '区人民政府'],
      copyTo: ['区委办公室', '区政府办公室'],
      reportToParent: false,
    });
    if (i < regular.length - 1) await sendIssue(staff, issue.id, {});
  }
  for (const [i, articleIds] of chunks(inIssues.slice(24), 3).entries()) {
    const issue = await createIssue(staff, {
      series: '社情民意专报',
      articleIds,
      reportTo: ['区委主要领导', '区政府主要领导'],
      copyTo: [],
      reportToParent: i === 0,
    });
    await sendIssue(staff, issue.id, {});
  }

  // Upward: more articles to the city; the city decides, and reports some to the province and on.
  for (const id of adopted.slice(27, 42)) await reportOpinion(staff, id, { target: 'parent' });
  const atCity = await db
    .select()
    .from(s.opinions)
    .where(and(eq(s.opinions.committeeId, org.cityId), isNotNull(s.opinions.sourceOpinionId)))
    .orderBy(s.opinions.id);
  for (const [i, r] of atCity.entries()) {
    await startEditing(city, r.id, {});
    if (i % 5 === 4) await archiveOpinion(city, r.id, { reason: '已有同类信息' });
    else if (i % 5 !== 3) await adoptOpinion(city, r.id, {});
  }
  const cityAdopted = (
    await db
      .select({ id: s.opinions.id })
      .from(s.opinions)
      .where(and(eq(s.opinions.committeeId, org.cityId), eq(s.opinions.state, 'adopted')))
  ).map((r) => r.id);
  for (const id of cityAdopted.slice(0, 3)) await reportOpinion(city, id, { target: 'parent' });
  const atProvince = await db
    .select()
    .from(s.opinions)
    .where(eq(s.opinions.committeeId, org.provinceId))
    .orderBy(s.opinions.id);
  for (const [i, r] of atProvince.entries()) {
    await startEditing(province, r.id, {});
    if (i < 2) await adoptOpinion(province, r.id, {});
  }
  if (atProvince[0]) {
    await reportOpinion(province, atProvince[0].id, { target: 'national' });
    await recordExternalOutcome(province, atProvince[0].id, {
      occurredOn: isoDay(-10),
      note: '全国政协《社情民意信息》采用',
    });
  }

  // Instructions at two levels (the district's leaders, a city leader), some with what was done.
  const [countyA, countyB, cityInstruction, provinceInstruction] = leaderInstructions;
  for (const [i, id] of adopted.slice(0, 6).entries()) {
    const o = await recordInstruction(staff, id, {
      ...(i % 2 === 0 ? countyA : countyB),
      instructedOn: isoDay(-30 + i),
      attachmentIds: [],
      unitId: department,
    });
    if (i < 3) {
      const [inst] = await db
        .select()
        .from(s.opinionInstructions)
        .where(eq(s.opinionInstructions.opinionId, o.opinion.id));
      await reportInstructionDone(staff, id, {
        instructionId: inst!.id,
        result: '已召开专题会议研究，制定了工作方案并组织实施。',
      });
    }
  }
  for (const id of cityAdopted.slice(0, 2))
    await recordInstruction(city, id, { ...cityInstruction, instructedOn: isoDay(-12), attachmentIds: [] });
  if (atProvince[1])
    await recordInstruction(province, atProvince[1].id, {
      ...provinceInstruction,
      instructedOn: isoDay(-8),
      attachmentIds: [],
    });

  // Forwarded to 12345 in every state, and to a department whose handler has an account.
  const states = ['forwarded', 'acknowledged', 'answered', 'returned', 'accepted', 'overdue'] as const;
  for (const [i, id] of adopted.slice(6, 18).entries()) {
    const toHotline = i < 8;
    const o = await forwardOpinion(staff, id, {
      channel: toHotline ? 'hotline' : 'department',
      unitId: toHotline ? hotline!.id : department,
      workOrderNumber: toHotline
        ? `GD${isoDay(-20).replaceAll('-', '')}${String(i + 1).padStart(3, '0')}`
        : undefined,
      deadline: isoDay(20),
    });
    const [f] = await db
      .select()
      .from(s.opinionForwardings)
      .where(eq(s.opinionForwardings.opinionId, o.opinion.id));
    const state = states[i % states.length]!;
    // Staff enter what the hotline reports; the department's handler acts for itself.
    const handler = toHotline ? staff : ctxOf(db, byName('unit.handler'));
    if (state === 'overdue') {
      await db
        .update(s.opinionForwardings)
        .set({ deadline: new Date(Date.now() - 3 * 86_400_000) })
        .where(eq(s.opinionForwardings.id, f!.id));
      continue;
    }
    if (state === 'forwarded') continue;
    if (state === 'returned') {
      await returnForwarding(handler, f!.id, { reason: '不属于本单位职责范围，建议转区住建局' });
      continue;
    }
    await acknowledgeForwarding(handler, f!.id, {});
    if (state === 'acknowledged') continue;
    await answerForwarding(handler, f!.id, {
      text: '已受理并组织核查，相关问题已整改完毕，并向反映人作了解释。',
      attachmentIds: [],
    });
    if (state === 'accepted') await acceptForwardingAnswer(staff, f!.id, {});
  }
}

const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function authorOf(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ by: s.opinions.submittedBy })
    .from(s.opinions)
    .where(inArray(s.opinions.id, [id]));
  return row!.by;
}
