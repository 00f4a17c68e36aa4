import { and, eq, inArray } from 'drizzle-orm';
import { formatDay } from '@cppcc/shared';
import type { AppConfig } from '../../env';
import type { Db, DbOrTx } from '../client';
import * as s from '../schema';
import { actorOfUser, type ServiceContext } from '../../lib/actor';
import { getSettings } from '../../lib/settings';
import { approvePlan, submitPlan } from '../../modules/consultation-plans/commands/steps';
import { createPlan } from '../../modules/consultation-plans/commands/write-plan';
import type { SeededOrganisation } from './organisation';

/**
 * This year's annual consultation plan of the demo district, drawn up by the liaison staff, sent to the
 * Party committee and approved through the plan's use cases; the activities seeded before it that carry
 * out its items are linked to them, so the plan shows items done, in progress and not yet started.
 */

interface SeedItem {
  topic: string;
  kind: string;
  lead: string;
  quarter: number;
  note?: string;
  /** Topics of seeded activities that carry the item out (linked when they are of the plan's year). */
  carriedOutBy: string[];
}

const items: SeedItem[] = [
  {
    topic: '城镇老旧小区改造',
    kind: 'research',
    lead: '人口资源环境委员会',
    quarter: 1,
    carriedOutBy: ['关于老旧小区改造的专题调研'],
  },
  {
    topic: '非物质文化遗产保护传承',
    kind: 'consultationForum',
    lead: '文化文史和学习委员会',
    quarter: 1,
    carriedOutBy: [],
  },
  {
    topic: '持续优化营商环境',
    kind: 'topicalConsultation',
    lead: '经济委员会',
    quarter: 2,
    note: '邀请区发改局、区市场监管局参加',
    carriedOutBy: ['优化营商环境专题协商会'],
  },
  {
    topic: '农村饮水安全',
    kind: 'supervision',
    lead: '农业和农村委员会',
    quarter: 2,
    note: '专项民主监督',
    carriedOutBy: ['农村饮水安全专项民主监督'],
  },
  {
    topic: '健全居家社区养老服务体系',
    kind: 'research',
    lead: '社会和法制委员会',
    quarter: 3,
    carriedOutBy: ['关于养老服务体系建设的调研'],
  },
  {
    topic: '重点提案办理',
    kind: 'proposalConsultation',
    lead: '提案委员会',
    quarter: 3,
    carriedOutBy: ['重点提案办理协商会'],
  },
  {
    topic: '金川河流域生态保护和治理',
    kind: 'counterpartConsultation',
    lead: '人口资源环境委员会',
    quarter: 3,
    note: '与区生态环境分局对口协商',
    carriedOutBy: [],
  },
  {
    topic: '义务教育课后服务提质',
    kind: 'sectorConsultation',
    lead: '教科卫体委员会',
    quarter: 4,
    carriedOutBy: ['教育界界别协商：课后服务'],
  },
  {
    topic: '城区交通拥堵治理',
    kind: 'topicalConsultation',
    lead: '社会和法制委员会',
    quarter: 4,
    carriedOutBy: ['城区交通拥堵治理专题协商会'],
  },
  {
    topic: '发展农村电商助力乡村振兴',
    kind: 'research',
    lead: '农业和农村委员会',
    quarter: 4,
    carriedOutBy: ['关于农村电商发展的专题调研'],
  },
];

const ctxOf = (db: DbOrTx, user: typeof s.users.$inferSelect): ServiceContext => ({
  db,
  actor: actorOfUser(user, null),
  config: {} as AppConfig,
});

export async function seedConsultationPlan(db: Db, org: SeededOrganisation, now = new Date()) {
  await db.transaction((tx) => seedIn(tx, org, now));
}

async function seedIn(db: DbOrTx, org: SeededOrganisation, now: Date) {
  const [staffUser] = await db
    .select()
    .from(s.users)
    .where(and(eq(s.users.committeeId, org.countyId), eq(s.users.username, 'liaison.staff')));
  const staff = ctxOf(db, staffUser!);
  const { timeZone } = await getSettings(db, org.countyId);
  const today = formatDay(now, timeZone);
  const year = Number(today.slice(0, 4));
  const leads = await db
    .select({ id: s.specialCommittees.id, name: s.specialCommittees.name })
    .from(s.specialCommittees)
    .where(eq(s.specialCommittees.committeeId, org.countyId));
  const leadId = (name: string) => leads.find((l) => l.name === name)?.id ?? null;

  const plan = await createPlan(staff, {
    year,
    title: `${year}年度协商工作计划`,
    items: items.map(({ topic, kind, lead, quarter, note }) => ({
      topic,
      kind,
      quarter,
      note,
      leadSpecialCommitteeId: leadId(lead),
    })),
  });
  await submitPlan(staff, plan.id, {});
  // Approved by the district Party committee in January (today, when the year is younger than that).
  const approvedOn = `${year}-01-20` <= today ? `${year}-01-20` : today;
  await approvePlan(staff, plan.id, { approvedOn, documentNumber: `金办发〔${year}〕6号` });
  await backdate(db, plan.id, year, now);

  const planItems = await db
    .select({ id: s.consultationPlanItems.id, topic: s.consultationPlanItems.topic })
    .from(s.consultationPlanItems)
    .where(eq(s.consultationPlanItems.planId, plan.id));
  const candidates = await db
    .select({ id: s.activities.id, topic: s.activities.topic, startsAt: s.activities.startsAt })
    .from(s.activities)
    .where(
      and(
        eq(s.activities.committeeId, org.countyId),
        inArray(
          s.activities.topic,
          items.flatMap((i) => i.carriedOutBy),
        ),
      ),
    );
  for (const item of items) {
    const itemId = planItems.find((p) => p.topic === item.topic)!.id;
    // Only the plan's own year: a month not yet reached was seeded as last year's activity.
    const ids = candidates
      .filter(
        (a) => item.carriedOutBy.includes(a.topic) && formatDay(a.startsAt, timeZone).startsWith(`${year}-`),
      )
      .map((a) => a.id);
    if (ids.length > 0)
      await db.update(s.activities).set({ planItemId: itemId }).where(inArray(s.activities.id, ids));
  }
}

/** The plan was drawn up and sent in early January: its steps dated so, never after `now`. */
async function backdate(db: DbOrTx, planId: number, year: number, now: Date) {
  const day = (d: number) => {
    const at = new Date(`${year}-01-${String(d).padStart(2, '0')}T09:30:00+08:00`);
    return at < now ? at : now;
  };
  const steps = { create: day(5), submit: day(10), approve: day(20) };
  for (const [action, at] of Object.entries(steps))
    await db
      .update(s.timelineEvents)
      .set({ createdAt: at })
      .where(
        and(
          eq(s.timelineEvents.recordType, 'consultationPlan'),
          eq(s.timelineEvents.recordId, planId),
          eq(s.timelineEvents.action, action),
        ),
      );
  await db
    .update(s.consultationPlans)
    .set({ createdAt: steps.create, submittedAt: steps.submit, updatedAt: steps.approve })
    .where(eq(s.consultationPlans.id, planId));
}
