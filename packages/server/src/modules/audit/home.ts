import { defineHomeProvider } from '../../lib/home';
import { recentAuditCounts } from './service';

export const recentAuditCard = defineHomeProvider({
  key: 'audit.recent',
  roles: ['auditAdmin'],
  async build({ db, actor }) {
    const counts = await recentAuditCounts(db, actor.committeeId);
    return [
      {
        key: 'audit.recent',
        title: '近 24 小时审计事件',
        value: counts.all,
        unit: '条',
        link: '/audit-log',
        tone: counts.failedLogins >= 10 ? 'warning' : 'default',
        items: [
          { label: '登录失败', value: counts.failedLogins, link: '/audit-log?action=auth.loginFailed' },
          { label: '账号变更', value: counts.accountChanges, link: '/audit-log?action=account.' },
        ],
      },
    ];
  },
});
