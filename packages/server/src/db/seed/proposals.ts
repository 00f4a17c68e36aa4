import { eq, inArray } from 'drizzle-orm';
import { proposalWorkflowTable, type ProposalCommand, type ProposalState, type Role } from '@cppcc/shared';
import type { Db } from '../client';
import * as s from '../schema';
import { recordDuty, withdrawDuty } from '../../lib/duty';
import { emit } from '../../lib/events';
import { notifyUsers } from '../../lib/notify';
import type { SeededOrganisation } from './organisation';
import {
  answerText,
  coUnitOpinionText,
  proposalTexts,
  ratingComments,
  rejectReasons,
  returnComments,
  supervisionNotes,
  type AnswerCategory,
  type ProposalText,
} from './proposal-texts';
import { seededRandom, type Random } from './random';

/**
 * Demo proposals of the demo session (五届三次会议) in every state of the workflow, written directly through
 * the schema in one transaction. Every step is a row of the workflow table (checked while generating), with
 * its timeline entry, so the timelines, figures and inboxes read like a real session.
 */

const DAY = 86_400_000;
const link = (id: number) => `/proposals/${id}`;

type Sub =
  | 'unacknowledged'
  | 'acknowledged'
  | 'draftAnswer'
  | 'pendingHead'
  | 'sent'
  | 'overdue'
  | 'reassigned'
  | 'extended'
  | 'coOpinion';

interface Plan {
  text: ProposalText;
  state: ProposalState;
  sub?: Sub;
  lead: number;
  co: number[];
  organisationId?: number;
  /** Lead unit (or first separate unit), co/second unit. */
  units: number[];
  mode: 'lead' | 'separate';
  answerCategory?: AnswerCategory;
  /** For closed: rehandled once before closing; closed by staff without ratings. */
  rehandled?: boolean;
  staffClosed?: boolean;
  key?: 'nominated' | 'approved';
  excellent?: 'nominated' | 'approved';
  disposition?: 'forwardSuggestion' | 'convertToOpinion' | 'none';
  /** The unit that declined before the proposal was reassigned. */
  declinedUnit?: number;
}

interface ActorRef {
  id: number | null;
  name: string;
  role: Role | 'system';
}

/** State counts; about 160 proposals in every state, the bulk handled and closed as in a real session. */
const stateCounts: [ProposalState, number][] = [
  ['draft', 6],
  ['cosigning', 5],
  ['returned', 4],
  ['withdrawn', 4],
  ['submitted', 8],
  ['reviewing', 6],
  ['rejected', 8],
  ['merged', 6],
  ['accepted', 6],
  ['assigned', 30],
  ['answered', 20],
  ['rehandling', 5],
  ['closed', 62],
];

const inboxSubs: Sub[] = [
  'unacknowledged',
  'unacknowledged',
  'unacknowledged',
  'acknowledged',
  'acknowledged',
  'acknowledged',
  'pendingHead',
  'pendingHead',
  'draftAnswer',
  'sent',
];
const otherSubs: Sub[] = [
  'unacknowledged',
  'acknowledged',
  'acknowledged',
  'pendingHead',
  'sent',
  'overdue',
  'overdue',
  'reassigned',
  'extended',
  'coOpinion',
];

function shuffle<T>(random: Random, items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function answerCategoryOf(random: Random): AnswerCategory {
  const r = random.next();
  return r < 0.56 ? 'A' : r < 0.9 ? 'B' : 'C';
}

export async function seedProposals(db: Db, org: SeededOrganisation, now = new Date()) {
  const random = seededRandom(33003);
  await db.transaction(async (tx) => {
    const committeeId = org.countyId;
    const [session] = await tx
      .select()
      .from(s.plenarySessions)
      .where(eq(s.plenarySessions.id, org.sessionId));
    const unitRows = await tx.select().from(s.units).where(eq(s.units.committeeId, committeeId));
    const unitByName = new Map(unitRows.map((u) => [u.name, u]));
    const memberRows = await tx.select().from(s.members).where(inArray(s.members.id, org.memberIds));
    const memberById = new Map(memberRows.map((m) => [m.id, m]));
    const users = await tx.select().from(s.users).where(eq(s.users.committeeId, committeeId));
    const user = (username: string) => users.find((u) => u.username === username)!;
    const staffUser = user('proposal.staff');
    const leaderUser = user('leader');
    const partyLeaderUser = user('party.leader');
    const handlerUser = user('unit.handler');
    const headUser = user('unit.head');
    const demoMember = user('member').memberId!;
    const demoMember2 = user('member2').memberId!;
    const inboxUnit = handlerUser.unitId!;
    const orgProposers = await tx
      .select()
      .from(s.organisationProposers)
      .where(eq(s.organisationProposers.committeeId, committeeId));

    // Every other unit gets a handler and a head account, so each answer has a real author and approver.
    const unitAccounts = new Map<number, { handler: ActorRef; head: ActorRef }>();
    unitAccounts.set(inboxUnit, {
      handler: { id: handlerUser.id, name: handlerUser.displayName, role: 'unitHandler' },
      head: { id: headUser.id, name: headUser.displayName, role: 'unitHead' },
    });
    const others = unitRows.filter((u) => u.id !== inboxUnit);
    const created = await tx
      .insert(s.users)
      .values(
        others.flatMap((u, i) => [
          {
            committeeId,
            username: `unit${String(i + 1).padStart(2, '0')}.handler`,
            displayName: `${u.contactPerson ?? '经办人'}（${u.name}）`,
            passwordHash: handlerUser.passwordHash,
            roles: ['unitHandler'] as Role[],
            unitId: u.id,
          },
          {
            committeeId,
            username: `unit${String(i + 1).padStart(2, '0')}.head`,
            displayName: `${u.name}负责人`,
            passwordHash: handlerUser.passwordHash,
            roles: ['unitHead'] as Role[],
            unitId: u.id,
          },
        ]),
      )
      .returning();
    for (const u of others) {
      const handler = created.find((c) => c.unitId === u.id && c.roles.includes('unitHandler'))!;
      const head = created.find((c) => c.unitId === u.id && c.roles.includes('unitHead'))!;
      unitAccounts.set(u.id, {
        handler: { id: handler.id, name: handler.displayName, role: 'unitHandler' },
        head: { id: head.id, name: head.displayName, role: 'unitHead' },
      });
    }

    const userOfMember = new Map(users.filter((u) => u.memberId !== null).map((u) => [u.memberId!, u]));
    const memberActor = (memberId: number): ActorRef => {
      const u = userOfMember.get(memberId);
      return {
        id: u?.id ?? null,
        name: u?.displayName ?? memberById.get(memberId)?.name ?? '委员',
        role: 'member',
      };
    };
    const staff: ActorRef = { id: staffUser.id, name: staffUser.displayName, role: 'proposalStaff' };
    const leader: ActorRef = { id: leaderUser.id, name: leaderUser.displayName, role: 'leader' };
    const partyLeader: ActorRef = {
      id: partyLeaderUser.id,
      name: partyLeaderUser.displayName,
      role: 'partyLeader',
    };
    const system: ActorRef = { id: null, name: '系统', role: 'system' };

    // ---- plans: which text, which state, who proposes, which units ----
    const withAccounts = [...userOfMember.keys()].filter((id) => id !== demoMember2);
    const everyone = org.memberIds;
    const unitIdsOf = (text: ProposalText) =>
      text.units.map((name) => unitByName.get(name)?.id).filter((id): id is number => id !== undefined);
    const educationTexts = proposalTexts.filter(
      (t) => t.units[0] === unitRows.find((u) => u.id === inboxUnit)?.name,
    );
    const pool = shuffle(
      random,
      proposalTexts.filter((t) => !educationTexts.includes(t)),
    );
    const plans: Plan[] = [];
    for (const [state, count] of stateCounts) {
      for (let k = 0; k < count; k++) {
        const inbox = state === 'assigned' && k < inboxSubs.length && educationTexts[k];
        const text = inbox ? educationTexts[k]! : (pool.pop() ?? educationTexts[k % educationTexts.length]!);
        const lead = random.chance(0.65) ? random.pick(withAccounts) : random.pick(everyone);
        const coCount = random.chance(0.4) ? random.int(1, 3) : 0;
        const co = shuffle(
          random,
          everyone.filter((id) => id !== lead),
        ).slice(0, coCount);
        const units = unitIdsOf(text);
        const mode = units.length > 1 && random.chance(0.1) ? 'separate' : 'lead';
        plans.push({
          text,
          state,
          sub: state === 'assigned' ? (inbox ? inboxSubs[k] : otherSubs[k % otherSubs.length]) : undefined,
          lead,
          co,
          units:
            mode === 'separate'
              ? units.slice(0, 2)
              : random.chance(0.55)
                ? units.slice(0, 2)
                : units.slice(0, 1),
          mode,
        });
      }
    }
    // The demo member owns proposals in many states; member2 has an invitation waiting.
    const firstOf = (state: ProposalState, skip = 0) => plans.filter((p) => p.state === state)[skip]!;
    for (const plan of [
      firstOf('draft'),
      firstOf('cosigning'),
      firstOf('returned'),
      firstOf('submitted'),
      firstOf('assigned', 12),
      firstOf('answered'),
      firstOf('closed'),
      firstOf('closed', 1),
      firstOf('rejected'),
    ]) {
      plan.lead = demoMember;
      plan.co = plan.co.filter((id) => id !== demoMember);
    }
    const cosign = firstOf('cosigning');
    cosign.co = [demoMember2, ...cosign.co.filter((id) => id !== demoMember2)].slice(0, 2);
    for (const plan of [firstOf('closed', 2), firstOf('closed', 3), firstOf('answered', 1)]) {
      if (plan.lead !== demoMember2 && !plan.co.includes(demoMember2))
        plan.co = [demoMember2, ...plan.co].slice(0, 3);
    }
    firstOf('answered').co = [];
    // Party and people's organisations file some proposals in their own name.
    orgProposers.slice(0, 4).forEach((o, i) => {
      const plan = firstOf('closed', 10 + i);
      plan.organisationId = o.id;
      plan.co = [];
    });
    // Rehandled-then-closed, staff-closed, key and excellent proposals.
    plans
      .filter((p) => p.state === 'closed')
      .forEach((p, i) => {
        p.answerCategory = answerCategoryOf(random);
        if (i >= 20 && i < 24) p.rehandled = true;
        if (i === 30 || i === 31) p.staffClosed = true;
      });
    for (const p of plans.filter((x) => ['answered', 'rehandling'].includes(x.state)))
      p.answerCategory = answerCategoryOf(random);
    const keyApproved = [
      firstOf('closed', 10),
      firstOf('closed', 11),
      firstOf('closed', 5),
      firstOf('answered', 2),
      firstOf('answered', 3),
      firstOf('assigned', 14),
      firstOf('assigned', 15),
      firstOf('rehandling'),
    ];
    for (const p of keyApproved) p.key = 'approved';
    firstOf('assigned', 16).key = 'nominated';
    firstOf('accepted').key = 'nominated';
    const excellent = plans.filter((p) => p.state === 'closed' && !p.rehandled && !p.staffClosed).slice(0, 6);
    excellent.forEach((p, i) => {
      p.excellent = i < 5 ? 'approved' : 'nominated';
      p.answerCategory = 'A';
    });
    for (const p of plans.filter((x) => x.sub === 'reassigned')) {
      p.declinedUnit = unitRows.find((u) => !p.units.includes(u.id) && u.id !== inboxUnit)!.id;
    }
    plans
      .filter((p) => p.state === 'rejected')
      .forEach((p, i) => {
        p.disposition = (['forwardSuggestion', 'convertToOpinion', 'none'] as const)[i % 3];
      });

    // ---- steps: each plan walks the workflow table from draft to its state ----
    interface Step {
      at: number;
      command: ProposalCommand | 'create';
      from: ProposalState | null;
      to: ProposalState;
      actor: ActorRef;
      note?: string;
    }
    interface Walk {
      plan: Plan;
      steps: Step[];
      state: ProposalState;
      t: number;
    }
    const walk = (plan: Plan, start: number): Walk => ({ plan, steps: [], state: 'draft', t: start });
    const step = (w: Walk, days: number, command: ProposalCommand, actor: ActorRef, note?: string) => {
      const row = proposalWorkflowTable.find(w.state, command);
      if (!row) throw new Error(`demo data: ${command} is not allowed from ${w.state}`);
      w.t += days * DAY + random.int(1, 8) * 3600_000;
      w.steps.push({ at: w.t, command, from: w.state, to: row.to, actor, note });
      w.state = row.to;
    };

    const windowOpens = Date.parse(`${session!.submissionOpens}T00:00:00+08:00`);
    const windowCloses = Date.parse(`${session!.submissionCloses}T23:59:59+08:00`);
    // Session proposals are reviewed during the plenary and handed to units at one 交办会 about a month later.
    const meetingStart = Date.parse(`${session!.meetingStart}T09:00:00+08:00`);
    const assignMeeting = Date.parse(`${session!.meetingEnd}T09:00:00+08:00`) + 35 * DAY;
    /** How long each target state takes from creation to its last step, in days (approximately). */
    const span: Record<ProposalState, number> = {
      draft: 2,
      cosigning: 3,
      returned: 12,
      withdrawn: 8,
      submitted: 4,
      reviewing: 6,
      rejected: 14,
      merged: 14,
      accepted: 16,
      assigned: 40,
      answered: 70,
      rehandling: 90,
      closed: 140,
    };
    // Proposals still in progress are recent (平时提案 filed after the plenary); finished ones were filed in the window.
    const recentStates: ProposalState[] = [
      'draft',
      'cosigning',
      'submitted',
      'reviewing',
      'accepted',
      'returned',
      'assigned',
      'answered',
      'rehandling',
    ];
    const startOf = (plan: Plan) => {
      const length = (span[plan.state] + 20) * DAY;
      if (recentStates.includes(plan.state)) {
        return now.getTime() - length - random.int(1, 15) * DAY;
      }
      const inWindow = windowCloses - random.int(5, 75) * DAY;
      return Math.min(inWindow, now.getTime() - length);
    };

    const walks = plans.map((plan) => {
      const w = walk(plan, startOf(plan));
      const lead = memberActor(plan.lead);
      w.steps.push({ at: w.t, command: 'create', from: null, to: 'draft', actor: lead });
      if (plan.state === 'draft') return w;
      if (plan.co.length > 0) {
        step(w, 1, 'requestCosign', lead, `邀请 ${plan.co.length} 位委员联名`);
        if (plan.state === 'cosigning') {
          if (plan.co.length > 1) step(w, 1, 'respondCosign', memberActor(plan.co[1]!), '同意附议');
          return w;
        }
        for (const c of plan.co) step(w, 1, 'respondCosign', memberActor(c), '同意附议');
      } else if (plan.state === 'cosigning') {
        plan.co = [random.pick(everyone.filter((id) => id !== plan.lead))];
        step(w, 1, 'requestCosign', lead, '邀请 1 位委员联名');
        return w;
      }
      step(w, 1, 'submit', lead);
      if (plan.state === 'submitted') return w;
      if (plan.state === 'withdrawn') {
        step(w, 3, 'withdraw', lead, '问题已在本单位协调解决，申请撤案');
        return w;
      }
      const filedForSession = !recentStates.includes(plan.state) && w.t <= windowCloses;
      if (filedForSession) w.t = Math.max(w.t, meetingStart - 2 * DAY);
      step(w, 2, 'claimReview', staff);
      if (plan.state === 'reviewing') return w;
      if (plan.state === 'returned') {
        step(w, 3, 'return', staff, random.pick(returnComments));
        return w;
      }
      if (plan.state === 'rejected') {
        step(w, 3, 'reject', staff, rejectReasons[plans.indexOf(plan) % rejectReasons.length]);
        return w;
      }
      if (plan.state === 'merged') {
        step(w, 3, 'merge', staff, '与同类提案内容相近，并案办理');
        return w;
      }
      step(w, 3, 'accept', staff);
      if (plan.key) step(w, 1, 'nominateKey', staff, '提名重点提案');
      if (plan.key === 'approved') step(w, 2, 'approveKey', leader, '主席会议审定为重点提案');
      if (plan.state === 'accepted') return w;
      if (filedForSession) w.t = Math.max(w.t, assignMeeting - 10 * DAY);
      step(w, 10, 'assign', staff, filedForSession ? '提案交办会集中交办' : '交办');
      // Assigned a few days ago: the unit still has to acknowledge.
      if (plan.sub === 'unacknowledged') return w;
      const handler = unitAccounts.get(plan.units[0]!)!.handler;
      const head = unitAccounts.get(plan.units[0]!)!.head;
      if (plan.sub === 'reassigned') {
        step(
          w,
          2,
          'decline',
          unitAccounts.get(plan.declinedUnit!)!.handler,
          '该事项不属于本单位职责范围，建议交由其他部门办理',
        );
        step(w, 2, 'assign', staff, '重新交办');
      }
      for (const unitId of plan.units) step(w, 3, 'acknowledge', unitAccounts.get(unitId)!.handler);
      if (plan.sub === 'extended') step(w, 20, 'extendDeadline', staff, '涉及跨部门协调，延期一个月');
      if (
        plan.mode === 'lead' &&
        plan.units.length > 1 &&
        (plan.state !== 'assigned' || plan.sub === 'coOpinion')
      ) {
        step(w, 12, 'sendUnitOpinion', unitAccounts.get(plan.units[1]!)!.handler, '协办意见已报送主办单位');
      }
      if (plan.state === 'assigned') {
        if (plan.sub === 'draftAnswer') step(w, 15, 'saveAnswer', handler, '保存答复草稿');
        if (plan.sub === 'pendingHead' || plan.sub === 'sent') {
          step(w, 15, 'saveAnswer', handler);
          step(w, 1, 'submitAnswer', handler, '提交负责人审核');
        }
        if (plan.sub === 'sent') step(w, 1, 'headApproveAnswer', head, '同意报送');
        return w;
      }
      const answerOnce = (round: number) => {
        for (const unitId of plan.mode === 'separate' ? plan.units : plan.units.slice(0, 1)) {
          const acc = unitAccounts.get(unitId)!;
          step(w, round === 1 ? 25 : 20, 'saveAnswer', acc.handler);
          step(w, 1, 'submitAnswer', acc.handler, '提交负责人审核');
          step(w, 1, 'headApproveAnswer', acc.head, '同意报送');
          step(w, 3, 'reviewAnswer', staff, '答复审核通过');
        }
        step(w, 0, 'completeAnswering', system, '全部答复已审核');
      };
      const proposers = plan.organisationId ? [plan.lead] : [plan.lead, ...plan.co];
      answerOnce(1);
      if (plan.state === 'answered') {
        // Joint proposals may have some ratings in; the last proposer has not rated yet.
        for (const m of proposers.slice(0, proposers.length - 1)) step(w, 5, 'rate', memberActor(m));
        return w;
      }
      if (plan.state === 'rehandling' || plan.rehandled) {
        for (const m of proposers) step(w, 5, 'rate', memberActor(m), m === plan.lead ? '不满意' : undefined);
        step(w, 0, 'requestRehandling', system, '提案人不满意，退回承办单位重新办理');
        if (plan.state === 'rehandling') {
          step(w, 2, 'acknowledge', handler, '重新办理');
          return w;
        }
        step(w, 2, 'acknowledge', handler, '重新办理');
        answerOnce(2);
      }
      if (plan.staffClosed) {
        step(w, 30, 'close', staff, '评价期限已过，按办结处理');
      } else {
        for (const m of proposers) step(w, 5, 'rate', memberActor(m));
        step(w, 0, 'completeRating', system, '评价完成，提案办结');
      }
      if (plan.excellent) step(w, 20, 'nominateExcellent', staff, '提名优秀提案');
      if (plan.excellent === 'approved') step(w, 5, 'approveExcellent', leader, '主席会议审定为优秀提案');
      return w;
    });
    const shift = (w: Walk, by: number) => {
      for (const st of w.steps) st.at += by;
    };
    for (const w of walks) {
      if (w.state !== w.plan.state)
        throw new Error(`demo data: walk ended in ${w.state}, planned ${w.plan.state}`);
      if (w.plan.sub === 'unacknowledged')
        shift(w, now.getTime() - random.int(1, 4) * DAY - w.steps[w.steps.length - 1]!.at);
      if (w.plan.sub === 'overdue') {
        // Assigned long enough ago for the three-month deadline to have passed.
        const assign = w.steps.find((x) => x.command === 'assign')!;
        shift(w, now.getTime() - random.int(100, 115) * DAY - assign.at);
      }
      // Nothing may lie in the future.
      const overshoot = w.steps[w.steps.length - 1]!.at - (now.getTime() - DAY);
      if (overshoot > 0) for (const st of w.steps) st.at -= overshoot;
    }

    // ---- proposals ----
    const at = (w: Walk, command: ProposalCommand, last = false) => {
      const found = last
        ? [...w.steps].reverse().find((x) => x.command === command)
        : w.steps.find((x) => x.command === command);
      return found ? new Date(found.at) : null;
    };
    const acceptedWalks = walks
      .filter((w) => at(w, 'accept'))
      .sort((a, b) => at(a, 'accept')!.getTime() - at(b, 'accept')!.getTime());
    const numberOf = new Map(acceptedWalks.map((w, i) => [w, i + 1]));
    const addMonths = (d: Date, months: number) => {
      const out = new Date(d);
      out.setMonth(out.getMonth() + months);
      return out;
    };
    const deadlineOf = (w: Walk) => {
      const assigned = at(w, 'assign', true);
      if (!assigned) return null;
      const rehandle = at(w, 'requestRehandling');
      if (w.plan.state === 'rehandling' && rehandle) return addMonths(rehandle, 2);
      return addMonths(assigned, w.plan.sub === 'extended' ? 4 : 3);
    };
    const rejectionGrounds = [
      '为本人或亲属解决个人问题',
      '内容空泛、没有具体建议',
      '学术研讨',
      '宣传、推介具体作品或产品',
    ];
    const cosignOpenUntil = new Date(now.getTime() + 5 * DAY);
    const inserted = await tx
      .insert(s.proposals)
      .values(
        walks.map((w) => {
          const p = w.plan;
          const submitted = at(w, 'submit');
          const kind = submitted
            ? submitted.getTime() >= windowOpens && submitted.getTime() <= windowCloses
              ? 'session'
              : 'regular'
            : null;
          const deadline = deadlineOf(w);
          const last = new Date(w.steps[w.steps.length - 1]!.at);
          return {
            committeeId,
            sessionId: org.sessionId,
            kind,
            number: numberOf.get(w) ?? null,
            title: p.text.title,
            category: p.text.category,
            content: p.text.content,
            state: p.state,
            proposerType: p.organisationId ? 'organisation' : 'member',
            organisationProposerId: p.organisationId ?? null,
            leadMemberId: p.lead,
            createdBy: userOfMember.get(p.lead)?.id ?? staffUser.id,
            suggestedUnitIds: unitIdsOf(p.text).slice(0, 2),
            cosignDeadline: !p.co.length
              ? null
              : p.state === 'cosigning'
                ? cosignOpenUntil
                : new Date(w.steps[0]!.at + 8 * DAY),
            rejectionGround:
              p.state === 'rejected' ? rejectionGrounds[plans.indexOf(p) % rejectionGrounds.length]! : null,
            rejectionReason: p.state === 'rejected' ? (w.steps[w.steps.length - 1]!.note ?? null) : null,
            rejectionDisposition: p.disposition ?? null,
            forwardUnitId: p.disposition === 'forwardSuggestion' ? p.units[0]! : null,
            returnComment: p.state === 'returned' ? (w.steps[w.steps.length - 1]!.note ?? null) : null,
            reviewerId: at(w, 'claimReview') ? staffUser.id : null,
            assignmentMode: at(w, 'assign') ? p.mode : null,
            keyStatus: p.key ?? 'none',
            excellentStatus: p.excellent ?? 'none',
            answerCategory: ['answered', 'rehandling', 'closed'].includes(p.state)
              ? (p.answerCategory ?? 'A')
              : null,
            version: w.steps.length,
            submittedAt: submitted,
            acceptedAt: at(w, 'accept'),
            assignedAt: at(w, 'assign'),
            deadline,
            answeredAt: at(w, 'completeAnswering', true),
            closedAt: p.state === 'closed' ? last : null,
            withdrawnAt: p.state === 'withdrawn' ? last : null,
            rehandleCount: at(w, 'requestRehandling') ? 1 : 0,
            createdAt: new Date(w.steps[0]!.at),
            updatedAt: last,
          };
        }),
      )
      .returning({ id: s.proposals.id });
    const idOf = new Map(walks.map((w, i) => [w, inserted[i]!.id]));

    // Merged proposals join a main accepted proposal of the same topic (or any, when the topic has none).
    const mains = acceptedWalks.filter((w) => ['assigned', 'answered', 'closed'].includes(w.plan.state));
    const mergedInto = new Map<Walk, Walk>();
    for (const w of walks.filter((x) => x.plan.state === 'merged')) {
      const main =
        mains.find((m) => m.plan.text.topic === w.plan.text.topic) ?? mains[walks.indexOf(w) % mains.length]!;
      mergedInto.set(w, main);
      await tx
        .update(s.proposals)
        .set({ mergedIntoId: idOf.get(main)! })
        .where(eq(s.proposals.id, idOf.get(w)!));
    }

    // ---- proposers ----
    const proposerRows: (typeof s.proposalProposers.$inferInsert)[] = [];
    for (const w of walks) {
      const p = w.plan;
      const proposalId = idOf.get(w)!;
      proposerRows.push({
        committeeId,
        proposalId,
        memberId: p.lead,
        role: 'lead',
        status: 'confirmed',
        sortOrder: 0,
      });
      const requested = at(w, 'requestCosign');
      const responded = w.steps.filter((x) => x.command === 'respondCosign');
      p.co.forEach((memberId, i) => {
        const answer =
          responded.find((x) => x.actor.id !== null && x.actor.id === userOfMember.get(memberId)?.id) ??
          responded[i];
        const confirmed = p.state !== 'cosigning' ? p.state !== 'draft' : answer !== undefined && i > 0;
        proposerRows.push({
          committeeId,
          proposalId,
          memberId,
          role: 'co',
          status: p.state === 'draft' ? 'invited' : confirmed ? 'confirmed' : 'invited',
          sortOrder: i + 1,
          invitedAt: requested,
          respondedAt: confirmed && answer ? new Date(answer.at) : null,
          deadline: requested ? new Date(requested.getTime() + 7 * DAY) : null,
        });
      });
    }
    for (const [w, main] of mergedInto) {
      const mainId = idOf.get(main)!;
      for (const memberId of [w.plan.lead, ...w.plan.co]) {
        if (proposerRows.some((r) => r.proposalId === mainId && r.memberId === memberId)) continue;
        proposerRows.push({
          committeeId,
          proposalId: mainId,
          memberId,
          role: 'co',
          status: 'confirmed',
          mergedFromId: idOf.get(w)!,
          sortOrder: 50,
        });
      }
    }
    // The pending invitation of the cosigning proposals is still open.
    for (const r of proposerRows) {
      const w = walks.find((x) => idOf.get(x) === r.proposalId)!;
      if (w.plan.state === 'cosigning' && r.status === 'invited') r.deadline = cosignOpenUntil;
    }
    await tx.insert(s.proposalProposers).values(proposerRows);

    // ---- unit slots, co-unit opinions, answers, ratings ----
    const slotRows: (typeof s.proposalUnits.$inferInsert)[] = [];
    const opinionRows: (typeof s.proposalUnitOpinions.$inferInsert)[] = [];
    const answerRows: (typeof s.proposalAnswers.$inferInsert & { walk: Walk })[] = [];
    for (const w of walks) {
      const p = w.plan;
      const assigned = at(w, 'assign');
      if (!assigned) continue;
      const proposalId = idOf.get(w)!;
      const deadline = deadlineOf(w)!;
      if (p.declinedUnit) {
        slotRows.push({
          committeeId,
          proposalId,
          unitId: p.declinedUnit,
          role: 'lead',
          status: 'declined',
          active: false,
          assignedAt: assigned,
          acknowledgeBy: new Date(assigned.getTime() + 7 * DAY),
          deadline,
          declinedAt: at(w, 'decline'),
          declineReason: '该事项不属于本单位职责范围，建议交由其他部门办理',
        });
      }
      const reassignedAt = at(w, 'assign', true)!;
      const finished = ['answered', 'closed'].includes(p.state);
      p.units.forEach((unitId, i) => {
        const role = p.mode === 'separate' ? 'separate' : i === 0 ? 'lead' : 'co';
        const acknowledgedAt = w.steps.find(
          (x) => x.command === 'acknowledge' && x.actor.id === unitAccounts.get(unitId)!.handler.id,
        );
        slotRows.push({
          committeeId,
          proposalId,
          unitId,
          role,
          status:
            p.sub === 'unacknowledged' ? 'assigned' : finished && role !== 'co' ? 'answered' : 'acknowledged',
          assignedAt: reassignedAt,
          acknowledgeBy: new Date(reassignedAt.getTime() + 7 * DAY),
          deadline,
          acknowledgedAt: acknowledgedAt ? new Date(acknowledgedAt.at) : null,
          originalDeadline: p.sub === 'extended' ? addMonths(reassignedAt, 3) : null,
          extensionReason: p.sub === 'extended' ? '涉及跨部门协调，延期一个月' : null,
          extendedAt: at(w, 'extendDeadline'),
        });
      });
      const opinion = at(w, 'sendUnitOpinion');
      if (opinion) {
        const from = unitRows.find((u) => u.id === p.units[1])!;
        opinionRows.push({
          committeeId,
          proposalId,
          fromUnitId: from.id,
          toUnitId: p.units[0]!,
          text: coUnitOpinionText(from.name),
          contactPerson: from.contactPerson,
          createdBy: unitAccounts.get(from.id)!.handler.id!,
          createdAt: opinion,
        });
      }
      // Answers: one per answering unit and round, in the state the walk left it.
      const answering = p.mode === 'separate' ? p.units : p.units.slice(0, 1);
      const rounds = at(w, 'requestRehandling') && p.state !== 'rehandling' ? [1, 2] : [1];
      for (const unitId of answering) {
        const acc = unitAccounts.get(unitId)!;
        const unit = unitRows.find((u) => u.id === unitId)!;
        const saves = w.steps.filter((x) => x.command === 'saveAnswer' && x.actor.id === acc.handler.id);
        if (saves.length === 0) continue;
        for (const round of rounds) {
          const saved = saves[round - 1];
          if (!saved) continue;
          const after = (command: ProposalCommand) =>
            w.steps.find(
              (x) =>
                x.command === command &&
                x.at >= saved.at &&
                (command === 'reviewAnswer' || x.actor.id === acc.handler.id || x.actor.id === acc.head.id),
            );
          const submittedStep = after('submitAnswer');
          const headStep = after('headApproveAnswer');
          const reviewStep = after('reviewAnswer');
          const state = reviewStep ? 'approved' : headStep ? 'sent' : submittedStep ? 'pendingHead' : 'draft';
          const category =
            round === 1 && rounds.length > 1 ? 'C' : (p.answerCategory ?? answerCategoryOf(random));
          answerRows.push({
            walk: w,
            committeeId,
            proposalId,
            unitId,
            round,
            category,
            text: answerText(p.text.title, category, plans.indexOf(p) + round),
            contactPerson: unit.contactPerson ?? '经办人',
            contactPhone: unit.contactPhone ?? '0951-5000000',
            state,
            draftedBy: acc.handler.id!,
            headApprovedBy: headStep ? acc.head.id : null,
            headApprovedAt: headStep ? new Date(headStep.at) : null,
            reviewedBy: reviewStep ? staffUser.id : null,
            reviewedAt: reviewStep ? new Date(reviewStep.at) : null,
            sentAt: headStep ? new Date(headStep.at) : null,
            createdAt: new Date(saved.at),
            updatedAt: new Date((reviewStep ?? headStep ?? submittedStep ?? saved).at),
          });
        }
      }
    }
    await tx.insert(s.proposalUnits).values(slotRows);
    if (opinionRows.length) await tx.insert(s.proposalUnitOpinions).values(opinionRows);
    const answerIds = await tx
      .insert(s.proposalAnswers)
      .values(answerRows.map(({ walk: _w, ...row }) => row))
      .returning({ id: s.proposalAnswers.id });

    const ratingRows: (typeof s.proposalRatings.$inferInsert)[] = [];
    for (const w of walks) {
      const rates = w.steps.filter((x) => x.command === 'rate');
      if (rates.length === 0) continue;
      const p = w.plan;
      const proposers = p.organisationId ? [p.lead] : [p.lead, ...p.co];
      const answers = answerRows
        .map((a, i) => ({ ...a, id: answerIds[i]!.id }))
        .filter((a) => a.walk === w && a.state === 'approved');
      const rehandleAt = at(w, 'requestRehandling')?.getTime() ?? Infinity;
      rates.forEach((r, i) => {
        const memberId = proposers[i % proposers.length]!;
        const round = r.at > rehandleAt ? 2 : 1;
        const firstRoundDissatisfied = round === 1 && rehandleAt !== Infinity && memberId === p.lead;
        const satisfaction = firstRoundDissatisfied
          ? 'dissatisfied'
          : random.chance(0.84)
            ? 'satisfied'
            : 'basicallySatisfied';
        const comments =
          satisfaction === 'satisfied'
            ? ratingComments.satisfied
            : satisfaction === 'basicallySatisfied'
              ? ratingComments.basicallySatisfied
              : ratingComments.unsatisfied;
        for (const a of answers.filter((x) => x.round === round)) {
          ratingRows.push({
            committeeId,
            proposalId: idOf.get(w)!,
            answerId: a.id,
            memberId,
            satisfaction,
            attitude: satisfaction === 'dissatisfied' ? 'basicallySatisfied' : 'satisfied',
            relevance: satisfaction === 'dissatisfied' ? 'partly' : 'targeted',
            comment: random.pick(comments),
            createdAt: new Date(r.at),
          });
        }
      });
    }
    if (ratingRows.length) await tx.insert(s.proposalRatings).values(ratingRows);

    // ---- key proposals: supervising leaders and their log; two-way evaluation; follow-ups ----
    /** The state a proposal was in at a moment of its walk. */
    const stateAt = (w: Walk, t: number) => [...w.steps].filter((x) => x.at <= t).pop()?.to ?? 'draft';
    const supervisionRows: (typeof s.proposalSupervisions.$inferInsert)[] = [];
    const logRows: (typeof s.proposalSupervisionLogs.$inferInsert)[] = [];
    for (const w of walks.filter((x) => x.plan.key)) {
      const proposalId = idOf.get(w)!;
      supervisionRows.push({ committeeId, proposalId, leaderUserId: leaderUser.id });
      if (walks.indexOf(w) % 2 === 0)
        supervisionRows.push({ committeeId, proposalId, leaderUserId: partyLeaderUser.id });
      const approved = at(w, 'approveKey');
      const assigned = at(w, 'assign');
      if (!approved || !assigned) continue;
      const logs = random.int(1, 3);
      for (let i = 0; i < logs; i++) {
        const when = Math.min(assigned.getTime() + (20 + i * 25) * DAY, now.getTime() - DAY);
        const author = i === 1 ? partyLeader : i === 2 ? staff : leader;
        logRows.push({
          committeeId,
          proposalId,
          authorUserId: author.id!,
          kind: (['meeting', 'visit', 'comment'] as const)[i]!,
          text: supervisionNotes[i % supervisionNotes.length]!,
          occurredOn: new Date(when),
          createdAt: new Date(when),
        });
        w.steps.push({
          at: when,
          command: 'addSupervisionLog',
          from: stateAt(w, when),
          to: stateAt(w, when),
          actor: author,
          note: supervisionNotes[i % supervisionNotes.length],
        });
      }
    }
    if (supervisionRows.length) await tx.insert(s.proposalSupervisions).values(supervisionRows);
    if (logRows.length) await tx.insert(s.proposalSupervisionLogs).values(logRows);

    const evaluationRows: (typeof s.proposalEvaluations.$inferInsert)[] = [];
    const followupRows: (typeof s.proposalFollowups.$inferInsert)[] = [];
    const closedWithAccounts = walks.filter(
      (w) => w.plan.state === 'closed' && !w.plan.organisationId && userOfMember.has(w.plan.lead),
    );
    for (const w of closedWithAccounts.slice(0, 12)) {
      const proposalId = idOf.get(w)!;
      const unitId = w.plan.units[0]!;
      const when = new Date(Math.min(w.steps[w.steps.length - 1]!.at + 3 * DAY, now.getTime() - DAY));
      evaluationRows.push(
        {
          committeeId,
          proposalId,
          direction: 'unitToProposal',
          unitId,
          score: random.int(72, 96),
          comment: '提案选题准确，建议具体可行。',
          createdBy: unitAccounts.get(unitId)!.handler.id!,
          createdAt: when,
        },
        {
          committeeId,
          proposalId,
          direction: 'proposerToHandling',
          unitId,
          memberId: w.plan.lead,
          score: random.int(78, 98),
          comment: '承办单位沟通及时，办理认真。',
          createdBy: userOfMember.get(w.plan.lead)!.id,
          createdAt: when,
        },
      );
      w.steps.push({
        at: when.getTime(),
        command: 'evaluate',
        from: 'closed',
        to: 'closed',
        actor: memberActor(w.plan.lead),
        note: '双向评议',
      });
    }
    const answerIdOf = (w: Walk) =>
      answerIds[answerRows.findIndex((a) => a.walk === w && a.state === 'approved')]?.id;
    for (const w of walks
      .filter((x) => x.plan.state === 'closed' && x.plan.answerCategory && x.plan.answerCategory !== 'A')
      .slice(0, 3)) {
      const answerId = answerIdOf(w);
      if (!answerId) continue;
      const requested = new Date(now.getTime() - 20 * DAY);
      const reported = walks.indexOf(w) % 2 === 0;
      followupRows.push({
        committeeId,
        proposalId: idOf.get(w)!,
        answerId,
        unitId: w.plan.units[0]!,
        status: reported ? 'reported' : 'requested',
        requestNote: '请报送答复中所列计划的落实进展。',
        requestedBy: staffUser.id,
        requestedAt: requested,
        implementation: reported ? 'inProgress' : null,
        report: reported ? '相关项目已完成前期手续，预计年底前完工。' : null,
        reportedBy: reported ? unitAccounts.get(w.plan.units[0]!)!.handler.id : null,
        reportedAt: reported ? new Date(requested.getTime() + 8 * DAY) : null,
      });
      w.steps.push({
        at: requested.getTime(),
        command: 'requestFollowup',
        from: 'closed',
        to: 'closed',
        actor: staff,
        note: '回头看',
      });
      if (reported)
        w.steps.push({
          at: requested.getTime() + 8 * DAY,
          command: 'reportFollowup',
          from: 'closed',
          to: 'closed',
          actor: unitAccounts.get(w.plan.units[0]!)!.handler,
          note: '报送落实情况',
        });
    }
    if (evaluationRows.length) await tx.insert(s.proposalEvaluations).values(evaluationRows);
    if (followupRows.length) await tx.insert(s.proposalFollowups).values(followupRows);

    // ---- timeline of every step ----
    const timelineRows = walks.flatMap((w) =>
      w.steps
        .sort((a, b) => a.at - b.at)
        .map((st) => ({
          committeeId,
          recordType: 'proposal',
          recordId: idOf.get(w)!,
          actorId: st.actor.id,
          actorName: st.actor.name,
          actorRole: st.actor.role,
          action: st.command,
          fromState: st.from,
          toState: st.to,
          note: st.note ?? null,
          createdAt: new Date(st.at),
        })),
    );
    for (let i = 0; i < timelineRows.length; i += 500)
      await tx.insert(s.timelineEvents).values(timelineRows.slice(i, i + 500));

    // ---- duty records, as the commands record them ----
    const acceptedProposers = (w: Walk) => [
      w.plan.lead,
      ...w.plan.co,
      ...[...mergedInto].filter(([, main]) => main === w).flatMap(([m]) => [m.plan.lead, ...m.plan.co]),
    ];
    for (const w of walks) {
      const p = w.plan;
      if (p.organisationId) continue;
      const sourceId = idOf.get(w)!;
      const submitted = at(w, 'submit');
      if (submitted) {
        await recordDuty(tx, {
          committeeId,
          memberId: p.lead,
          kind: 'proposal.submitted',
          sourceType: 'proposal',
          sourceId,
          role: 'lead',
          occurredOn: submitted,
        });
        if (p.state === 'withdrawn')
          await withdrawDuty(tx, {
            committeeId,
            sourceType: 'proposal',
            sourceId,
            kind: 'proposal.submitted',
          });
      }
      const accepted = at(w, 'accept');
      for (const [kind, when] of [
        ['proposal.accepted', accepted],
        ['proposal.key', at(w, 'approveKey')],
        ['proposal.excellent', at(w, 'approveExcellent')],
      ] as const) {
        if (!when) continue;
        for (const memberId of [...new Set(acceptedProposers(w))]) {
          await recordDuty(tx, {
            committeeId,
            memberId,
            kind,
            sourceType: 'proposal',
            sourceId,
            role: memberId === p.lead ? 'lead' : 'co',
            occurredOn: when,
          });
        }
      }
    }

    // ---- events of rejected dispositions, and what the demo accounts find in their inbox ----
    for (const w of walks.filter((x) => x.plan.state === 'rejected' && x.plan.disposition !== 'none')) {
      const p = w.plan;
      if (p.disposition === 'forwardSuggestion') {
        await emit(tx, 'proposal.forwardedAsSuggestion', {
          committeeId,
          proposalId: idOf.get(w)!,
          unitId: p.units[0]!,
          title: p.text.title,
          content: p.text.content,
        });
      } else {
        await emit(tx, 'proposal.convertedToOpinion', {
          committeeId,
          proposalId: idOf.get(w)!,
          memberId: p.lead,
          title: p.text.title,
          content: p.text.content,
          reason: w.steps[w.steps.length - 1]!.note ?? '',
        });
      }
    }
    const member2User = user('member2');
    for (const w of walks.filter((x) => x.plan.state === 'cosigning' && x.plan.co.includes(demoMember2))) {
      await notifyUsers(tx, committeeId, [member2User.id], {
        kind: 'proposal.cosignInvited',
        title: `联名邀请：${w.plan.text.title}`,
        body: `${memberById.get(w.plan.lead)?.name ?? ''}委员邀请您联名提出此提案，请在截止日期前确认。`,
        link: link(idOf.get(w)!),
      });
    }
    for (const w of walks.filter(
      (x) => x.plan.sub === 'unacknowledged' && x.plan.units.includes(inboxUnit),
    )) {
      await notifyUsers(tx, committeeId, [handlerUser.id, headUser.id], {
        kind: 'proposal.assigned',
        title: `新交办提案待签收：${w.plan.text.title}`,
        link: link(idOf.get(w)!),
      });
    }
    for (const w of walks.filter((x) => x.plan.sub === 'pendingHead' && x.plan.units[0] === inboxUnit)) {
      await notifyUsers(tx, committeeId, [headUser.id], {
        kind: 'proposal.answerPendingHead',
        title: `答复待审核：${w.plan.text.title}`,
        link: link(idOf.get(w)!),
      });
    }
    for (const w of walks.filter((x) => x.plan.state === 'answered' && x.plan.lead === demoMember)) {
      await notifyUsers(tx, committeeId, [user('member').id], {
        kind: 'proposal.answered',
        title: `提案已答复，请评价：${w.plan.text.title}`,
        link: link(idOf.get(w)!),
      });
    }
    const toReview = walks.filter((x) => x.plan.state === 'submitted').slice(0, 5);
    for (const w of toReview) {
      await notifyUsers(tx, committeeId, [staffUser.id], {
        kind: 'proposal.submitted',
        title: `新提案待审查：${w.plan.text.title}`,
        link: link(idOf.get(w)!),
      });
    }
  });
}
