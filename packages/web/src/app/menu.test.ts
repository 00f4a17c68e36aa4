import { describe, expect, it } from 'vitest';
import { roles, type Role } from '@cppcc/shared';
import { holds } from '../hooks/useCurrentUser';
import { menuEntries, menuFor } from './menu';
import { pageRoutes } from './routes';

/**
 * The abilities `/api/auth/me` sends each role (the server's own test,
 * packages/server/src/modules/auth/abilities.test.ts, holds it to the same table).
 */
const abilityHolders: Record<string, Role[]> = {
  'home.overview': ['leader'],
  'proposals.create': ['member'],
  'proposals.review': ['proposalStaff'],
  'proposals.overview': ['proposalStaff', 'leader'],
  'proposals.handle': ['unitHandler', 'unitHead'],
  'proposals.superviseKey': ['partyLeader'],
  'opinions.create': ['member', 'infoLiaison'],
  'opinions.edit': ['opinionStaff'],
  'opinions.overview': ['opinionStaff', 'leader'],
  'opinions.handleForwarded': ['unitHandler', 'unitHead'],
  'activities.manage': ['liaisonStaff'],
  'activities.overview': ['liaisonStaff', 'leader'],
  'activities.attend': ['member'],
  'activities.decideLeave': ['liaisonStaff', 'leader'],
  'consultationPlans.read': ['liaisonStaff', 'leader'],
  'consultationPlans.manage': ['liaisonStaff'],
  'activityOutcomes.overview': ['liaisonStaff', 'leader'],
  'activityOutcomes.manage': ['liaisonStaff'],
  'activityOutcomes.answer': ['unitHandler', 'unitHead'],
  'activityOutcomes.write': ['member'],
  'member.browse': ['liaisonStaff', 'leader', 'sysAdmin'],
  'memberGroup.browse': ['liaisonStaff', 'leader', 'sysAdmin'],
  'contactPoint.browse': ['liaisonStaff', 'leader', 'sysAdmin'],
  'sector.browse': ['liaisonStaff', 'leader', 'sysAdmin'],
  'specialCommittee.browse': ['liaisonStaff', 'leader', 'sysAdmin'],
  'term.browse': ['liaisonStaff', 'leader', 'sysAdmin'],
  'unit.browse': ['proposalStaff', 'leader', 'sysAdmin'],
  'organisationProposer.browse': ['proposalStaff', 'leader', 'sysAdmin'],
  'staff.browse': ['sysAdmin', 'leader'],
  'account.list': ['securityAdmin'],
  'accountApproval.list': ['sysAdmin', 'securityAdmin'],
  'auditLog.read': ['auditAdmin'],
  'settings.update': ['sysAdmin'],
};
const abilitiesOf = (held: readonly Role[]) =>
  Object.fromEntries(
    Object.entries(abilityHolders).map(([ability, holders]) => [
      ability,
      holders.some((r) => held.includes(r)),
    ]),
  );

const labels = (...held: Role[]) => menuFor(abilitiesOf(held)).map((e) => e.label);

describe('menu per role', () => {
  it('gives a member their own work and no administration', () => {
    const member = labels('member');
    expect(member).toEqual(expect.arrayContaining(['首页', '我的提案', '通知']));
    for (const admin of ['委员', '承办单位', '账号管理', '审计日志', '系统设置', '提案工作']) {
      expect(member).not.toContain(admin);
    }
  });

  it('names the home page 总览 for leaders and shows the read pages', () => {
    const leader = labels('leader', 'member');
    expect(leader).toContain('总览');
    expect(leader).not.toContain('首页');
    expect(leader).toEqual(expect.arrayContaining(['委员', '承办单位', '届次', '工作人员']));
    expect(leader).not.toContain('账号管理');
  });

  it('keeps the three administrators apart', () => {
    expect(labels('securityAdmin')).toEqual(expect.arrayContaining(['首页', '通知', '账号管理']));
    expect(labels('securityAdmin')).not.toContain('审计日志');
    expect(labels('auditAdmin')).toEqual(expect.arrayContaining(['首页', '通知', '审计日志']));
    expect(labels('auditAdmin')).not.toContain('账号管理');
    const sys = labels('sysAdmin');
    expect(sys).toEqual(expect.arrayContaining(['界别', '专委会', '工作人员', '系统设置']));
    expect(sys).not.toContain('账号管理');
    expect(sys).not.toContain('审计日志');
    // 三员分立: a second administrator approves; the auditor only audits.
    expect(sys).toContain('管理员变更审批');
    expect(labels('securityAdmin')).toContain('管理员变更审批');
    expect(labels('auditAdmin')).not.toContain('管理员变更审批');
  });

  it('gives staff their work queues', () => {
    expect(labels('proposalStaff')).toEqual(expect.arrayContaining(['提案工作', '承办单位', '提案者组织']));
    expect(labels('liaisonStaff')).toEqual(
      expect.arrayContaining(['委员', '活动小组', '联系点', '界别', '专委会', '届次']),
    );
    expect(labels('unitHandler')).toContain('承办工作');
    expect(labels('unitHead')).toContain('承办工作');
  });

  it('gives a party leader the key proposals they supervise and their figures, an information liaison only opinions', () => {
    const entries = (role: Role) => menuFor(abilitiesOf([role])).map((e) => e.path);
    expect(entries('partyLeader')).toEqual(expect.arrayContaining(['/proposals/key', '/proposals/figures']));
    expect(entries('infoLiaison')).toContain('/opinions/mine');
    expect(entries('infoLiaison').filter((p) => p.startsWith('/proposals'))).toEqual([]);
  });

  it('gives the liaison staff the activity work, a leader the activities to read, a member their invitations', () => {
    const activityMenu = (...held: Role[]) =>
      menuFor(abilitiesOf(held))
        .filter((e) => e.group === '履职活动')
        .map((e) => e.label);
    const overview = ['意见建议', '会议发言', '读书笔记'];
    expect(activityMenu('liaisonStaff')).toEqual([
      '活动管理',
      '请假审批',
      '出勤记录',
      ...overview,
      '年度协商计划',
      '活动统计',
    ]);
    // A leader may be the committee's leave approver (setting leaveApprover), so the queue is theirs too.
    expect(activityMenu('leader')).toEqual(['活动管理', '请假审批', ...overview, '年度协商计划', '活动统计']);
    expect(activityMenu('member')).toEqual(['我的活动', '我的发言', '我的读书笔记']);
    expect(activityMenu('leader', 'member')).toEqual([
      '我的活动',
      '我的发言',
      '我的读书笔记',
      '活动管理',
      '请假审批',
      ...overview,
      '年度协商计划',
      '活动统计',
    ]);
    for (const role of ['proposalStaff', 'opinionStaff', 'unitHandler', 'sysAdmin'] as const)
      expect(activityMenu(role), role).toEqual([]);
  });

  it('gives a department the suggestions sent to it among its work', () => {
    for (const role of ['unitHandler', 'unitHead'] as const) {
      const work = menuFor(abilitiesOf([role])).filter((e) => e.group === '工作');
      expect(work.map((e) => e.path)).toContain('/activities/suggestions');
    }
    // The staff reach the same list through 履职活动, once.
    const staff = menuFor(abilitiesOf(['liaisonStaff'])).filter((e) => e.path === '/activities/suggestions');
    expect(staff.map((e) => e.group)).toEqual(['履职活动']);
  });

  it('only links to pages that exist and that the role may open', () => {
    for (const role of roles) {
      const abilities = abilitiesOf([role]);
      for (const entry of menuFor(abilities)) {
        const route = pageRoutes.find((r) => r.path === entry.path);
        expect(route, `${role}: ${entry.path}`).toBeDefined();
        expect(holds(abilities, route?.ability), `${role}: ${entry.path}`).toBe(true);
      }
    }
  });

  it('names only abilities the server sends', () => {
    for (const required of [...menuEntries, ...pageRoutes].flatMap((e) => [
      e.ability,
      'unless' in e ? e.unless : undefined,
    ])) {
      for (const ability of required === undefined
        ? []
        : typeof required === 'string'
          ? [required]
          : required) {
        expect(Object.keys(abilityHolders), ability).toContain(ability);
      }
    }
  });
});
