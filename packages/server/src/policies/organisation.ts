import { staffRoles, type Role } from '@cppcc/shared';
import { hasRole, type Actor } from '../lib/actor';
import { definePolicy } from '../lib/policy';

type Scoped = { committeeId: number };

/** Staff roles and leaders read everything of their committee; sysAdmin and securityAdmin need it to link accounts. */
const committeeReaders: Role[] = [...staffRoles, 'leader', 'sysAdmin', 'securityAdmin'];
/** Lists every signed-in member needs for forms (sector, group, session …). */
const catalogueReaders: Role[] = [...committeeReaders, 'member', 'partyLeader'];
const liaisonManagers: Role[] = ['liaisonStaff', 'sysAdmin'];
const proposalManagers: Role[] = ['proposalStaff', 'sysAdmin'];

const any =
  (...roles: Role[]) =>
  (actor: Actor) =>
    hasRole(actor, ...roles);

/** The usual abilities of an organisation list: who reads it and who manages it. */
function listResource(resource: string, label: string, readers: Role[], managers: Role[]) {
  return definePolicy<Scoped>({
    resource,
    label,
    abilities: {
      read: any(...readers),
      list: any(...readers),
      export: any(...committeeReaders.filter((r) => readers.includes(r))),
      create: any(...managers),
      update: any(...managers),
    },
  });
}

export const termPolicy = listResource('term', '届次', catalogueReaders, liaisonManagers);
export const plenarySessionPolicy = listResource('plenarySession', '会议', catalogueReaders, liaisonManagers);
export const sectorPolicy = listResource('sector', '界别', catalogueReaders, liaisonManagers);
export const specialCommitteePolicy = listResource(
  'specialCommittee',
  '专委会',
  catalogueReaders,
  liaisonManagers,
);
export const memberGroupPolicy = listResource(
  'memberGroup',
  '委员活动小组',
  catalogueReaders,
  liaisonManagers,
);
export const contactPointPolicy = listResource('contactPoint', '联系点', catalogueReaders, liaisonManagers);
export const organisationProposerPolicy = listResource(
  'organisationProposer',
  '党派团体提案者',
  catalogueReaders,
  proposalManagers,
);
export const unitPolicy = listResource(
  'unit',
  '承办单位',
  [...committeeReaders, 'partyLeader', 'unitHandler', 'unitHead'],
  proposalManagers,
);
export const staffPolicy = listResource('staff', '机关干部', committeeReaders, ['sysAdmin']);

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
  abilities: {
    read: any(...committeeReaders, 'member'),
    list: any(...committeeReaders, 'member'),
    readPrivate: (actor, member) =>
      hasRole(actor, ...committeeReaders) || (member.id !== undefined && actor.memberId === member.id),
    export: any(...committeeReaders),
    create: any(...liaisonManagers),
    update: any(...liaisonManagers),
    import: any(...liaisonManagers),
  },
});
