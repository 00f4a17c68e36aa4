import { staffRoles, type Role } from '@cppcc/shared';
import { hasRole, type Actor } from '../lib/actor';
import { defineCollectionPolicy, definePolicy } from '../lib/policy';

type Scoped = { committeeId: number };

/** Staff roles and leaders read everything of their committee; sysAdmin and securityAdmin need it to link accounts. */
const committeeReaders: Role[] = [...staffRoles, 'leader', 'sysAdmin', 'securityAdmin'];
/** Lists every signed-in member needs for forms (sector, group, session …). */
const catalogueReaders: Role[] = [...committeeReaders, 'member', 'partyLeader'];
const liaisonManagers: Role[] = ['liaisonStaff', 'sysAdmin'];
const proposalManagers: Role[] = ['proposalStaff', 'sysAdmin'];
/**
 * Who opens a list's own page (menus, route guards): narrower than `list`, which forms need too.
 * The staff who keep the list, the system administrator, and leaders reading along.
 */
const liaisonPages: Role[] = ['liaisonStaff', 'leader', 'sysAdmin'];
const proposalPages: Role[] = ['proposalStaff', 'leader', 'sysAdmin'];

const any =
  (...roles: Role[]) =>
  (actor: Actor) =>
    hasRole(actor, ...roles);

/** The usual abilities of an organisation list: who reads it, who opens its page and who manages it. */
function listResource(resource: string, label: string, readers: Role[], browsers: Role[], managers: Role[]) {
  return defineCollectionPolicy<Scoped>({
    resource,
    label,
    abilities: {
      read: any(...readers),
      browse: any(...browsers),
      list: any(...readers),
      export: any(...committeeReaders.filter((r) => readers.includes(r))),
      create: any(...managers),
      update: any(...managers),
    },
  });
}

export const termPolicy = listResource('term', '届次', catalogueReaders, liaisonPages, liaisonManagers);
export const plenarySessionPolicy = listResource(
  'plenarySession',
  '会议',
  catalogueReaders,
  liaisonPages,
  liaisonManagers,
);
export const sectorPolicy = listResource('sector', '界别', catalogueReaders, liaisonPages, liaisonManagers);
export const specialCommitteePolicy = listResource(
  'specialCommittee',
  '专委会',
  catalogueReaders,
  liaisonPages,
  liaisonManagers,
);
export const memberGroupPolicy = listResource(
  'memberGroup',
  '委员活动小组',
  catalogueReaders,
  liaisonPages,
  liaisonManagers,
);
export const contactPointPolicy = listResource(
  'contactPoint',
  '联系点',
  catalogueReaders,
  liaisonPages,
  liaisonManagers,
);
export const organisationProposerPolicy = listResource(
  'organisationProposer',
  '党派团体提案者',
  catalogueReaders,
  proposalPages,
  proposalManagers,
);
export const unitPolicy = listResource(
  'unit',
  '承办单位',
  [...committeeReaders, 'partyLeader', 'unitHandler', 'unitHead'],
  proposalPages,
  proposalManagers,
);
export const staffPolicy = listResource(
  'staff',
  '机关干部',
  committeeReaders,
  ['sysAdmin', 'leader'],
  ['sysAdmin'],
);

/** A unit's accounts are shown to committee staff and to the unit's own people. */
export const unitAccountsPolicy = definePolicy<Scoped & { id: number }>({
  resource: 'unitAccounts',
  label: '承办单位账号',
  abilities: {
    read: (actor, unit) => hasRole(actor, ...committeeReaders) || actor.unitId === unit.id,
  },
});

/**
 * Members: every member of the committee sees the public fields (name, sector, group) of the others;
 * phones and personal data only staff and leaders (`readPrivate`), and a member their own record.
 */
export const memberPolicy = definePolicy<Scoped & { id?: number }>({
  resource: 'member',
  label: '委员',
  collection: ['read', 'list', 'browse', 'export', 'create', 'update', 'import'],
  abilities: {
    read: any(...committeeReaders, 'member'),
    /** The members page itself; other readers meet members in forms and lists. */
    browse: any(...liaisonPages),
    list: any(...committeeReaders, 'member'),
    readPrivate: (actor, member) =>
      hasRole(actor, ...committeeReaders) || (member.id !== undefined && actor.memberId === member.id),
    export: any(...committeeReaders),
    create: any(...liaisonManagers),
    update: any(...liaisonManagers),
    import: any(...liaisonManagers),
  },
});

export const organisationPolicies = [
  termPolicy,
  plenarySessionPolicy,
  sectorPolicy,
  specialCommitteePolicy,
  memberGroupPolicy,
  contactPointPolicy,
  organisationProposerPolicy,
  unitPolicy,
  staffPolicy,
  unitAccountsPolicy,
  memberPolicy,
];
