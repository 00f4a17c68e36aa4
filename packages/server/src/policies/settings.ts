import { defineCollectionPolicy } from '../lib/policy';
import { hasRole } from '../lib/actor';

/** Committee configuration: every user of the committee reads it (forms need the limits); the system administrator edits it. */
export const settingsPolicy = defineCollectionPolicy<{ committeeId: number }>({
  resource: 'settings',
  label: '系统设置',
  abilities: {
    read: () => true,
    update: (actor) => hasRole(actor, 'sysAdmin'),
  },
});
