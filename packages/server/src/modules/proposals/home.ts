import { desc, eq } from 'drizzle-orm';
import {
  proposalFilterQuery,
  proposalListLink,
  proposalTaskLabels,
  type HomeCardDto,
  type ProposalFilter,
  type ProposalTask,
  type proposalListViews,
  type Role,
} from '@cppcc/shared';
import { plenarySessions } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { can, collectionOf } from '../../lib/policy';
import { defineHomeProvider, type HomeContext } from '../../lib/home';
import type { AppConfig } from '../../env';
import { proposalFigures } from './figures/queries';
import { listProposals } from './queries';

/** The count behind a card comes from the same list query the card links to, so the two always agree. */
async function countProposals({ db, actor }: HomeContext, filter: Partial<ProposalFilter>): Promise<number> {
  const query = proposalFilterQuery.parse({ ...filter, page: 1, pageSize: 1 });
  // Listing reads no configuration.
  const page = await listProposals({ db, actor, config: {} as AppConfig }, query);
  return page.total;
}

interface CardSpec {
  key: string;
  title: string;
  view: (typeof proposalListViews)[number];
  link: string;
  filter?: Partial<ProposalFilter>;
  description: (n: number) => string;
  /** A non-zero count is work waiting. */
  urgent?: boolean;
}

function provider(key: string, roles: readonly Role[], order: number, specs: CardSpec[]) {
  return defineHomeProvider({
    key,
    roles,
    order,
    async build(ctx) {
      const cards: HomeCardDto[] = [];
      for (const spec of specs) {
        let value: number;
        try {
          value = await countProposals(ctx, { view: spec.view, ...spec.filter });
        } catch (error) {
          // A view the user may not open yields no card, never a broken home page.
          if (error instanceof AppError && (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND'))
            continue;
          throw error;
        }
        cards.push({
          key: spec.key,
          title: spec.title,
          value,
          unit: '件',
          description: spec.description(value),
          link: spec.link,
          tone: spec.urgent && value > 0 ? 'warning' : 'default',
        });
      }
      return cards;
    },
  });
}

const memberCards = provider('proposals.member', ['member'], 20, [
  {
    key: 'proposals.cosign',
    title: '待确认的联名邀请',
    view: 'cosign',
    link: '/proposals/cosign',
    urgent: true,
    description: (n) => (n ? '请在截止前确认或谢绝附议' : '没有待确认的联名邀请'),
  },
  {
    key: 'proposals.toRate',
    title: '待评价的答复',
    view: 'mine',
    filter: { state: 'answered' },
    link: '/proposals/mine?state=answered',
    urgent: true,
    description: (n) => (n ? '承办单位已答复，请评价办理结果' : '没有待评价的答复'),
  },
  {
    key: 'proposals.mine',
    title: '我的提案',
    view: 'mine',
    link: '/proposals/mine',
    description: () => '草稿、联名、审查、办理与答复进度',
  },
]);

const staffCards = provider('proposals.staff', ['proposalStaff'], 20, [
  {
    key: 'proposals.review',
    title: '待审查提案',
    view: 'review',
    link: '/proposals/review',
    urgent: true,
    description: (n) => (n ? '新提交的提案等待立案审查' : '审查队列已清空'),
  },
  {
    key: 'proposals.overdue',
    title: '超期未办复',
    view: 'overdue',
    link: '/proposals/overdue',
    urgent: true,
    description: (n) => (n ? '请督促承办单位按期答复' : '没有超期提案'),
  },
  {
    key: 'proposals.toAssign',
    title: '待交办提案',
    view: 'all',
    filter: { state: 'accepted' },
    link: '/proposals?state=accepted',
    urgent: true,
    description: () => '已立案尚未交办承办单位',
  },
  {
    key: 'proposals.toReviewAnswer',
    title: proposalTaskLabels.toReviewAnswer,
    view: 'all',
    filter: { task: 'toReviewAnswer' },
    link: '/proposals?task=toReviewAnswer',
    urgent: true,
    description: (n) => (n ? '承办单位已报送答复，请审核' : '没有待审核的答复'),
  },
]);

/** A unit's work queue on its inbox, with the count the inbox shows for the same filter. */
const unitTask = (task: ProposalTask, description: (n: number) => string): CardSpec => ({
  key: `proposals.${task}`,
  title: proposalTaskLabels[task],
  view: 'unit',
  filter: { task },
  link: `/unit/proposals?task=${task}`,
  urgent: true,
  description,
});

const unitCards = provider('proposals.unit', ['unitHandler', 'unitHead'], 20, [
  {
    key: 'proposals.unitInbox',
    title: '本单位承办提案',
    view: 'unit',
    link: '/unit/proposals',
    description: () => '签收、协办意见、起草答复与审批',
  },
  unitTask('toAcknowledge', (n) => (n ? '请在签收期限内签收或退办' : '没有待签收的提案')),
  unitTask('toAnswer', (n) => (n ? '已签收，请起草并报送答复' : '没有待答复的提案')),
  unitTask('toApproveAsHead', (n) => (n ? '经办人已提交答复，请负责人审核' : '没有待负责人审核的答复')),
  {
    key: 'proposals.unitRehandle',
    title: '需重新办理',
    view: 'unit',
    filter: { state: 'rehandling' },
    link: '/unit/proposals?state=rehandling',
    urgent: true,
    description: (n) => (n ? '提案人对答复不满意，请重新办理' : '没有需重新办理的提案'),
  },
]);

const leaderCards = provider('proposals.leader', ['leader'], 20, [
  {
    key: 'proposals.key',
    title: '重点提案',
    view: 'key',
    link: '/proposals/key',
    description: () => '领衔督办与办理进度',
  },
  {
    key: 'proposals.handling',
    title: '正在办理',
    view: 'all',
    filter: { stage: 'handling' },
    link: '/proposals?stage=handling',
    description: () => '已交办承办单位、尚未办复',
  },
  {
    key: 'proposals.leaderOverdue',
    title: '超期未办复',
    view: 'overdue',
    link: '/proposals/overdue',
    urgent: true,
    description: (n) => (n ? '需督促办理' : '没有超期提案'),
  },
]);

/** The leader's overview of the latest session, the one the figures page opens on, from the same figures. */
const sessionOverviewCard = defineHomeProvider({
  key: 'proposals.sessionOverview',
  roles: ['leader'],
  order: 19,
  async build({ db, actor }) {
    if (!can(actor, 'overview', 'proposals', collectionOf(actor))) return [];
    const [session] = await db
      .select({ id: plenarySessions.id, name: plenarySessions.name })
      .from(plenarySessions)
      .where(eq(plenarySessions.committeeId, actor.committeeId))
      .orderBy(desc(plenarySessions.meetingStart))
      .limit(1);
    if (!session) return [];
    const figures = await proposalFigures(db, actor, { sessionId: session.id });
    const total = (key: string) => figures.totals.find((f) => f.key === key)!;
    const rate = (key: string) => figures.rates.find((f) => f.key === key)!;
    const counted = ['accepted', 'answered'].map((key) => {
      const f = total(key);
      return { label: f.label, value: f.value, unit: '件', link: proposalListLink(f.filter) };
    });
    // A rate with nothing to divide by (no proposal accepted, none rated) is left out, not shown as 0%.
    const rates = ['answerRate', 'satisfactionRate'].flatMap((key) => {
      const r = rate(key);
      if (r.value === null) return [];
      return [
        {
          label: r.label,
          value: Math.round(r.value * 1000) / 10,
          unit: '%',
          link: proposalListLink(r.filter),
        },
      ];
    });
    const submitted = total('submitted');
    return [
      {
        key: 'proposals.sessionOverview',
        title: `${session.name}提案`,
        value: submitted.value,
        unit: '件',
        description: '提交提案；立案、办复与满意情况如下',
        link: `/proposals/figures?sessionId=${session.id}`,
        items: [...counted, ...rates],
      },
    ];
  },
});

export const proposalHomeCards = [memberCards, staffCards, unitCards, leaderCards, sessionOverviewCard];
