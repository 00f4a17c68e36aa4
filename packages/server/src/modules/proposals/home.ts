import type { HomeCardDto, proposalListViews, Role } from '@cppcc/shared';
import { AppError } from '../../lib/errors';
import { registerHomeProvider, type HomeContext } from '../../lib/home';
import type { AppConfig } from '../../env';
import { proposalFilterQuery, type ProposalFilter } from './figures/filters';
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
  registerHomeProvider({
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

provider('proposals.member', ['member'], 20, [
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

provider('proposals.staff', ['proposalStaff'], 20, [
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
]);

provider('proposals.unit', ['unitHandler', 'unitHead'], 20, [
  {
    key: 'proposals.unitInbox',
    title: '本单位承办提案',
    view: 'unit',
    link: '/unit/proposals',
    description: () => '签收、协办意见、起草答复与审批',
  },
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

provider('proposals.leader', ['leader'], 20, [
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
