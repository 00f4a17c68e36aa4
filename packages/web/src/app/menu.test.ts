import { describe, expect, it } from 'vitest';
import { roles } from '@cppcc/shared';
import { menuFor } from './menu';
import { pageRoutes } from './routes';

const labels = (...held: Parameters<typeof menuFor>[0]) => menuFor(held).map((e) => e.label);

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

  it('only links to pages that exist and that the role may open', () => {
    for (const role of roles) {
      for (const entry of menuFor([role])) {
        const route = pageRoutes.find((r) => r.path === entry.path);
        expect(route, `${role}: ${entry.path}`).toBeDefined();
        if (route?.roles) expect(route.roles, `${role}: ${entry.path}`).toContain(role);
      }
    }
  });
});
