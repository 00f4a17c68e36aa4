import { registerHomeProvider } from '../../lib/home';
import { countUnread } from './service';

registerHomeProvider({
  key: 'notifications.unread',
  // The first thing anyone should see: what waits for them.
  order: 10,
  async build({ db, actor }) {
    const unread = await countUnread(db, actor);
    return [
      {
        key: 'notifications.unread',
        title: '未读通知',
        value: unread,
        unit: '条',
        description: unread > 0 ? '有新的待办或消息，请及时查看' : '没有未读通知',
        link: '/notifications',
        tone: unread > 0 ? 'warning' : 'default',
      },
    ];
  },
});
