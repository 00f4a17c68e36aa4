import { defineCountCard } from '../../lib/home';
import { countUnread } from './service';

export const unreadNotificationsCard = defineCountCard({
  key: 'notifications.unread',
  // The first thing anyone should see: what waits for them.
  order: 10,
  count: ({ db, actor }) => countUnread(db, actor),
  card: { title: '未读通知', unit: '条', link: '/notifications' },
  description: ['有新的待办或消息，请及时查看', '没有未读通知'],
});
