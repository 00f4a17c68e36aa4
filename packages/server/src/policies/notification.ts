import { definePolicy } from '../lib/policy';

/** In-app notifications belong to their recipient alone. */
export const notificationPolicy = definePolicy<{ committeeId: number; userId: number }>({
  resource: 'notification',
  label: '通知',
  abilities: {
    read: (actor, n) => n.userId === actor.userId,
    markRead: (actor, n) => n.userId === actor.userId,
  },
});
