import type { Role } from '@cppcc/shared';

/** Who sees which admin pages; the server decides what each may change (record `policies`). */
export const access = {
  members: ['liaisonStaff', 'leader', 'sysAdmin'],
  memberStructure: ['liaisonStaff', 'leader', 'sysAdmin'],
  units: ['proposalStaff', 'leader', 'sysAdmin'],
  organisationProposers: ['proposalStaff', 'leader', 'sysAdmin'],
  staff: ['sysAdmin', 'leader'],
  accounts: ['securityAdmin'],
  /** 三员分立: a second administrator approves changes that hand out administrator powers. */
  accountApprovals: ['sysAdmin', 'securityAdmin'],
  auditLog: ['auditAdmin'],
  settings: ['sysAdmin'],
  memberProposals: ['member'],
  proposalWork: ['proposalStaff'],
  unitWork: ['unitHandler', 'unitHead'],
} satisfies Record<string, readonly Role[]>;

/** Roles that may create records when a list answer does not say so itself. */
export const writers = {
  memberStructure: ['liaisonStaff', 'sysAdmin'],
  members: ['liaisonStaff', 'sysAdmin'],
  units: ['proposalStaff', 'sysAdmin'],
  organisationProposers: ['proposalStaff', 'sysAdmin'],
  staff: ['sysAdmin'],
} satisfies Record<string, readonly Role[]>;
