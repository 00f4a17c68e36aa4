import { listForwardingsQuery, listOpinionsQuery } from '@cppcc/shared';
import type { AppConfig } from '../../env';
import { defineCountCard, type HomeContext } from '../../lib/home';
import { listForwardings, listOpinions } from './queries';

/** The count behind a card is the total of the list the card opens. */
const opinionCount =
  (query: Record<string, string>) =>
  async ({ db, actor }: HomeContext) =>
    (
      await listOpinions(
        { db, actor, config: {} as AppConfig },
        listOpinionsQuery.parse({ ...query, pageSize: '1' }),
      )
    ).total;

export const opinionHomeCards = [
  defineCountCard({
    key: 'opinions.inbox',
    roles: ['opinionStaff'],
    order: 20,
    count: opinionCount({ view: 'inbox' }),
    card: { title: '待处理社情民意', unit: '篇', link: '/opinions/inbox' },
    description: ['已报送、待编辑或采用的信息', '暂无待处理的信息'],
  }),
  defineCountCard({
    key: 'opinions.coauthor',
    roles: ['member'],
    order: 40,
    count: opinionCount({ view: 'coauthor' }),
    card: { title: '待我联名的信息', unit: '篇', link: '/opinions/coauthor' },
    description: ['请确认或谢绝联名', '暂无联名邀请'],
  }),
  defineCountCard({
    key: 'opinions.forwarded',
    roles: ['unitHandler', 'unitHead'],
    order: 30,
    count: async ({ db, actor }) =>
      (
        await listForwardings(
          { db, actor, config: {} as AppConfig },
          listForwardingsQuery.parse({ view: 'unit', state: 'forwarded', pageSize: '1' }),
        )
      ).total,
    card: { title: '待签收转办件', unit: '件', link: '/opinions/forwardings?state=forwarded' },
    description: ['社情民意转办件，请签收并答复', '暂无待签收的转办件'],
  }),
];
