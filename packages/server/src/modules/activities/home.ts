import { listActivitiesQuery, listLeaveQuery } from '@cppcc/shared';
import type { AppConfig } from '../../env';
import { hasRole } from '../../lib/actor';
import { forbidden } from '../../lib/errors';
import { defineCountCard, type HomeContext } from '../../lib/home';
import { getSettings } from '../../lib/settings';
import { listActivities, listLeaveRequests } from './queries';

const context = ({ db, actor }: HomeContext) => ({ db, actor, config: {} as AppConfig });

/** The count behind a card is the total of the list the card opens. */
export const activityHomeCards = [
  defineCountCard({
    key: 'activities.leave',
    roles: ['liaisonStaff', 'leader'],
    order: 25,
    count: async (ctx) => {
      // Only the configured approver is asked to decide.
      const { leaveApprover } = await getSettings(ctx.db, ctx.actor.committeeId);
      if (!hasRole(ctx.actor, leaveApprover)) throw forbidden();
      return (
        await listLeaveRequests(context(ctx), listLeaveQuery.parse({ state: 'requested', pageSize: '1' }))
      ).total;
    },
    card: { title: '待审批请假', unit: '件', link: '/activities/leave?state=requested' },
    description: ['委员的请假申请，请准假或不准假', '暂无待审批的请假'],
  }),
  defineCountCard({
    key: 'activities.upcoming',
    roles: ['member'],
    order: 15,
    count: async (ctx) =>
      (
        await listActivities(
          context(ctx),
          listActivitiesQuery.parse({ view: 'mine', state: 'published', pageSize: '1' }),
        )
      ).total,
    card: { title: '待参加的活动', unit: '场次', link: '/activities/mine?state=published' },
    description: ['已发布的活动邀请，可回复参加或请假', '暂无待参加的活动'],
  }),
];
