import { defineCollectionPolicy } from '../lib/policy';
import { hasRole } from '../lib/actor';

/**
 * The audit log is read only by the audit administrator (三员分立): the system and security
 * administrators whose actions it records must not read or export it. Nobody may change it.
 */
export const auditPolicy = defineCollectionPolicy<{ committeeId: number }>({
  resource: 'auditLog',
  label: '审计日志',
  abilities: {
    read: (actor) => hasRole(actor, 'auditAdmin'),
    export: (actor) => hasRole(actor, 'auditAdmin'),
  },
});
