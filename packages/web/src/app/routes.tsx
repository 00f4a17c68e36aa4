import type { ComponentType } from 'react';
import type { Role } from '@cppcc/shared';
import { access } from './access';

/**
 * Every page of the signed-in area, one line each. `roles` limits who may open it (absent: everyone
 * signed in); the server still checks every request.
 */
export interface PageRoute {
  path: string;
  title: string;
  roles?: readonly Role[];
  load: () => Promise<{ default: ComponentType }>;
}

export const pageRoutes: PageRoute[] = [
  { path: '/', title: '首页', load: () => import('../features/home/HomePage') },
  {
    path: '/notifications',
    title: '通知',
    load: () => import('../features/notifications/NotificationsPage'),
  },
  // Proposals (src/features/proposals/); a proposal's own page is open to every reader the server allows.
  {
    path: '/proposals/mine',
    title: '我的提案',
    roles: access.memberProposals,
    load: () => import('../features/proposals/MyProposalsPage'),
  },
  {
    path: '/proposals/cosign',
    title: '联名邀请',
    roles: access.memberProposals,
    load: () => import('../features/proposals/CosignQueuePage'),
  },
  {
    path: '/proposals/new',
    title: '写提案',
    roles: access.memberProposals,
    load: () => import('../features/proposals/ProposalEditPage'),
  },
  {
    path: '/proposals/:id/edit',
    title: '修改提案',
    roles: access.memberProposals,
    load: () => import('../features/proposals/ProposalEditPage'),
  },
  {
    path: '/proposals',
    title: '提案工作',
    roles: ['proposalStaff', 'leader'],
    load: () => import('../features/proposals/StaffProposalsPage'),
  },
  {
    path: '/proposals/review',
    title: '提案审查',
    roles: access.proposalWork,
    load: () => import('../features/proposals/ReviewQueuePage'),
  },
  {
    path: '/proposals/overdue',
    title: '超期提案',
    roles: ['proposalStaff', 'leader', 'unitHandler', 'unitHead'],
    load: () => import('../features/proposals/OverduePage'),
  },
  {
    path: '/proposals/key',
    title: '重点提案',
    roles: ['proposalStaff', 'leader', 'partyLeader'],
    load: () => import('../features/proposals/KeyProposalsPage'),
  },
  {
    path: '/proposals/followups',
    title: '回头看',
    roles: access.proposalWork,
    load: () => import('../features/proposals/FollowupsPage'),
  },
  {
    path: '/proposals/figures',
    title: '提案统计',
    roles: ['proposalStaff', 'leader'],
    load: () => import('../features/proposals/FiguresPage'),
  },
  {
    path: '/proposals/:id',
    title: '提案详情',
    load: () => import('../features/proposals/ProposalDetailPage'),
  },
  {
    path: '/unit/proposals',
    title: '承办工作',
    roles: access.unitWork,
    load: () => import('../features/proposals/UnitInboxPage'),
  },
  {
    path: '/members',
    title: '委员',
    roles: access.members,
    load: () => import('../features/organisation/MembersPage'),
  },
  {
    path: '/terms',
    title: '届次',
    roles: access.memberStructure,
    load: () => import('../features/organisation/TermsPage'),
  },
  {
    path: '/sectors',
    title: '界别',
    roles: access.memberStructure,
    load: () => import('../features/organisation/SectorsPage'),
  },
  {
    path: '/special-committees',
    title: '专委会',
    roles: access.memberStructure,
    load: () => import('../features/organisation/SpecialCommitteesPage'),
  },
  {
    path: '/member-groups',
    title: '活动小组',
    roles: access.memberStructure,
    load: () => import('../features/organisation/MemberGroupsPage'),
  },
  {
    path: '/contact-points',
    title: '联系点',
    roles: access.memberStructure,
    load: () => import('../features/organisation/ContactPointsPage'),
  },
  {
    path: '/units',
    title: '承办单位',
    roles: access.units,
    load: () => import('../features/organisation/UnitsPage'),
  },
  {
    path: '/organisation-proposers',
    title: '提案者组织',
    roles: access.organisationProposers,
    load: () => import('../features/organisation/OrganisationProposersPage'),
  },
  {
    path: '/staff',
    title: '工作人员',
    roles: access.staff,
    load: () => import('../features/organisation/StaffPage'),
  },
  {
    path: '/accounts',
    title: '账号管理',
    roles: access.accounts,
    load: () => import('../features/accounts/AccountsPage'),
  },
  {
    path: '/account-approvals',
    title: '管理员变更审批',
    roles: access.accountApprovals,
    load: () => import('../features/accounts/AccountApprovalsPage'),
  },
  {
    path: '/audit-log',
    title: '审计日志',
    roles: access.auditLog,
    load: () => import('../features/audit/AuditLogPage'),
  },
  {
    path: '/settings',
    title: '系统设置',
    roles: access.settings,
    load: () => import('../features/settings/SettingsPage'),
  },
];
