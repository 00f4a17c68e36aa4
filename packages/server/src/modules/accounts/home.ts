import { registerHomeProvider } from '../../lib/home';
import { countLockedAccounts } from './service';

registerHomeProvider({
  key: 'accounts.locked',
  roles: ['securityAdmin'],
  async build({ db, actor }) {
    const locked = await countLockedAccounts(db, actor.committeeId);
    return [
      {
        key: 'accounts.locked',
        title: '被锁定的账号',
        value: locked,
        unit: '个',
        description: locked > 0 ? '连续登录失败被临时锁定，可在账号管理中解除' : '目前没有被锁定的账号',
        link: '/accounts?locked=true',
        tone: locked > 0 ? 'warning' : 'default',
      },
    ];
  },
});
