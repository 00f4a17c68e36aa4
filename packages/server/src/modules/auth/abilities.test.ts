import { beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role } from '@cppcc/shared';
import { as, sessionOf } from '../../../test/harness';
import { useCommitteeApp } from '../../../test/committee-app';
import { buildCommittee, buildMember, buildUnit, buildUser, testPassword } from '../../../test/factories';
import { collectionAbilities } from '../../lib/policy';

/**
 * What the web showed each role before it read abilities, written out from its old role lists
 * (app/access.ts, menu.tsx, routes.tsx and the pages' create buttons). `any`: the entry shows when
 * the user holds one of these abilities; `unless`: it hides when they hold that one.
 */
const before: { what: string; any: string[]; unless?: string; roles: Role[] }[] = [
  { what: '总览', any: ['home.overview'], roles: ['leader'] },
  {
    what: '首页',
    any: [],
    unless: 'home.overview',
    roles: roles.filter((r) => r !== 'leader'),
  },
  { what: '我的提案 / 联名邀请 / 写提案', any: ['proposals.create'], roles: ['member'] },
  { what: '提案工作 / 提案审查 / 回头看', any: ['proposals.review'], roles: ['proposalStaff'] },
  { what: '全部提案 (page)', any: ['proposals.overview'], roles: ['proposalStaff', 'leader'] },
  { what: '全部提案 (menu)', any: ['proposals.overview'], unless: 'proposals.review', roles: ['leader'] },
  { what: '提案统计', any: ['proposals.overview'], roles: ['proposalStaff', 'leader'] },
  { what: '承办工作', any: ['proposals.handle'], roles: ['unitHandler', 'unitHead'] },
  {
    what: '超期提案',
    any: ['proposals.overview', 'proposals.handle'],
    roles: ['proposalStaff', 'leader', 'unitHandler', 'unitHead'],
  },
  {
    what: '重点提案',
    any: ['proposals.overview', 'proposals.superviseKey'],
    roles: ['proposalStaff', 'leader', 'partyLeader'],
  },
  { what: '委员', any: ['member.browse'], roles: ['liaisonStaff', 'leader', 'sysAdmin'] },
  ...['memberGroup', 'contactPoint', 'sector', 'specialCommittee', 'term'].map((resource) => ({
    what: resource,
    any: [`${resource}.browse`],
    roles: ['liaisonStaff', 'leader', 'sysAdmin'] as Role[],
  })),
  { what: '承办单位', any: ['unit.browse'], roles: ['proposalStaff', 'leader', 'sysAdmin'] },
  {
    what: '提案者组织',
    any: ['organisationProposer.browse'],
    roles: ['proposalStaff', 'leader', 'sysAdmin'],
  },
  { what: '工作人员', any: ['staff.browse'], roles: ['sysAdmin', 'leader'] },
  { what: '账号管理', any: ['account.list'], roles: ['securityAdmin'] },
  { what: '管理员变更审批', any: ['accountApproval.list'], roles: ['sysAdmin', 'securityAdmin'] },
  { what: '审计日志', any: ['auditLog.read'], roles: ['auditAdmin'] },
  { what: '系统设置', any: ['settings.update'], roles: ['sysAdmin'] },
  // Create buttons.
  ...['memberGroup', 'contactPoint', 'sector', 'specialCommittee', 'term', 'plenarySession'].map(
    (resource) => ({
      what: `新建 ${resource}`,
      any: [`${resource}.create`],
      roles: ['liaisonStaff', 'sysAdmin'] as Role[],
    }),
  ),
  { what: '新建委员', any: ['member.create'], roles: ['liaisonStaff', 'sysAdmin'] },
  { what: '导入委员', any: ['member.import'], roles: ['liaisonStaff', 'sysAdmin'] },
  { what: '新建承办单位', any: ['unit.create'], roles: ['proposalStaff', 'sysAdmin'] },
  { what: '新建提案者组织', any: ['organisationProposer.create'], roles: ['proposalStaff', 'sysAdmin'] },
  { what: '新建工作人员', any: ['staff.create'], roles: ['sysAdmin'] },
  { what: '新建账号', any: ['account.create'], roles: ['securityAdmin'] },
];

const t = useCommitteeApp();
let otherCommitteeId: number;
beforeAll(async () => {
  otherCommitteeId = (await buildCommittee(t.database.db)).id;
});

/** A user holding one role, linked as that role needs (a member record, a unit), signed in. */
async function signInAs(role: Role, inCommittee = t.committeeId) {
  const db = t.database.db;
  const links =
    role === 'member'
      ? { memberId: (await buildMember(db, inCommittee)).id }
      : role === 'unitHandler' || role === 'unitHead'
        ? { unitId: (await buildUnit(db, inCommittee)).id }
        : {};
  const user = await buildUser(db, inCommittee, [role], links);
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login: user.username, password: testPassword },
  });
  expect(login.statusCode).toBe(200);
  const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(sessionOf(login)) });
  expect(me.statusCode).toBe(200);
  return { user, login: login.json().abilities as Record<string, boolean>, me: me.json() };
}

const shows = (abilities: Record<string, boolean>, entry: (typeof before)[number]) =>
  (entry.any.length === 0 || entry.any.some((a) => abilities[a] === true)) &&
  !(entry.unless && abilities[entry.unless] === true);

describe('abilities of /api/auth/me', () => {
  it.each(roles)('open to %s exactly what the web showed before', async (role) => {
    const { login, me } = await signInAs(role);
    expect(login).toEqual(me.abilities);
    for (const key of before.flatMap((e) => [...e.any, ...(e.unless ? [e.unless] : [])])) {
      expect(typeof me.abilities[key], `${key} missing`).toBe('boolean');
    }
    const seen = before.filter((e) => shows(me.abilities, e)).map((e) => e.what);
    const expected = before.filter((e) => e.roles.includes(role)).map((e) => e.what);
    expect(seen).toEqual(expected);
  });

  it('lists the collection abilities of every collection policy, and nothing of records', async () => {
    const { me } = await signInAs('proposalStaff');
    expect(Object.keys(me.abilities)).toEqual(
      expect.arrayContaining(['proposals.read', 'auditLog.export', 'settings.read', 'unit.list']),
    );
    expect(Object.keys(me.abilities).filter((k) => /^(proposal|notification|homeCard)\./.test(k))).toEqual(
      [],
    );
    expect(me.abilities).not.toHaveProperty('member.readPrivate');
  });

  it('are computed against the user’s own committee only', async () => {
    const { user, me } = await signInAs('sysAdmin', otherCommitteeId);
    expect(me.abilities['settings.update']).toBe(true);
    const actor = {
      userId: user.id,
      committeeId: user.committeeId,
      displayName: user.displayName,
      roles: user.roles,
      memberId: null,
      staffId: null,
      unitId: null,
      ip: null,
    };
    const againstOther = collectionAbilities(actor, { committeeId: t.committeeId });
    expect(Object.keys(againstOther)).toEqual(Object.keys(me.abilities));
    expect(Object.values(againstOther).some(Boolean)).toBe(false);
  });
});
