import { defineCountCard } from '../../lib/home';
import { countLockedAccounts } from './service';

export const lockedAccountsCard = defineCountCard({
  key: 'accounts.locked',
  roles: ['securityAdmin'],
  count: ({ db, actor }) => countLockedAccounts(db, actor.committeeId),
  card: { title: '被锁定的账号', unit: '个', link: '/accounts?locked=true' },
  description: ['连续登录失败被临时锁定，可在账号管理中解除', '目前没有被锁定的账号'],
});
