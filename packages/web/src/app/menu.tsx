import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  CalendarOutlined,
  ClusterOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileTextOutlined,
  HomeOutlined,
  IdcardOutlined,
  SafetyOutlined,
  SettingOutlined,
  SolutionOutlined,
  TagsOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Role } from '@cppcc/shared';
import { access } from './access';

export interface MenuEntry {
  key: string;
  label: string;
  icon: ReactNode;
  path: string;
  /** Absent: every signed-in user. */
  roles?: readonly Role[];
  /** Roles that must not see the entry even if another role would show it. */
  hiddenFor?: readonly Role[];
  group: '工作' | '机构设置' | '系统管理';
}

/** The menu as data; a feature adds one line. Entries show when the user holds one of `roles`. */
export const menuEntries: MenuEntry[] = [
  {
    key: 'overview',
    label: '总览',
    icon: <DashboardOutlined />,
    path: '/',
    roles: ['leader'],
    group: '工作',
  },
  { key: 'home', label: '首页', icon: <HomeOutlined />, path: '/', hiddenFor: ['leader'], group: '工作' },
  {
    key: 'my-proposals',
    label: '我的提案',
    icon: <FileTextOutlined />,
    path: '/proposals/mine',
    roles: access.memberProposals,
    group: '工作',
  },
  {
    key: 'proposal-cosign',
    label: '联名邀请',
    icon: <TeamOutlined />,
    path: '/proposals/cosign',
    roles: access.memberProposals,
    group: '工作',
  },
  {
    key: 'proposal-work',
    label: '提案工作',
    icon: <FileTextOutlined />,
    path: '/proposals',
    roles: access.proposalWork,
    group: '工作',
  },
  {
    key: 'proposal-all',
    label: '全部提案',
    icon: <FileTextOutlined />,
    path: '/proposals',
    roles: ['leader'],
    hiddenFor: ['proposalStaff'],
    group: '工作',
  },
  {
    key: 'proposal-review',
    label: '提案审查',
    icon: <AuditOutlined />,
    path: '/proposals/review',
    roles: access.proposalWork,
    group: '工作',
  },
  {
    key: 'unit-work',
    label: '承办工作',
    icon: <SolutionOutlined />,
    path: '/unit/proposals',
    roles: access.unitWork,
    group: '工作',
  },
  {
    key: 'proposal-overdue',
    label: '超期提案',
    icon: <CalendarOutlined />,
    path: '/proposals/overdue',
    roles: ['proposalStaff', 'leader', 'unitHandler', 'unitHead'],
    group: '工作',
  },
  {
    key: 'proposal-key',
    label: '重点提案',
    icon: <TagsOutlined />,
    path: '/proposals/key',
    roles: ['proposalStaff', 'leader', 'partyLeader'],
    group: '工作',
  },
  {
    key: 'proposal-figures',
    label: '提案统计',
    icon: <DashboardOutlined />,
    path: '/proposals/figures',
    roles: ['proposalStaff', 'leader'],
    group: '工作',
  },
  { key: 'notifications', label: '通知', icon: <BellOutlined />, path: '/notifications', group: '工作' },
  {
    key: 'members',
    label: '委员',
    icon: <TeamOutlined />,
    path: '/members',
    roles: access.members,
    group: '机构设置',
  },
  {
    key: 'member-groups',
    label: '活动小组',
    icon: <ClusterOutlined />,
    path: '/member-groups',
    roles: access.memberStructure,
    group: '机构设置',
  },
  {
    key: 'contact-points',
    label: '联系点',
    icon: <EnvironmentOutlined />,
    path: '/contact-points',
    roles: access.memberStructure,
    group: '机构设置',
  },
  {
    key: 'sectors',
    label: '界别',
    icon: <TagsOutlined />,
    path: '/sectors',
    roles: access.memberStructure,
    group: '机构设置',
  },
  {
    key: 'special-committees',
    label: '专委会',
    icon: <ApartmentOutlined />,
    path: '/special-committees',
    roles: access.memberStructure,
    group: '机构设置',
  },
  {
    key: 'terms',
    label: '届次',
    icon: <CalendarOutlined />,
    path: '/terms',
    roles: access.memberStructure,
    group: '机构设置',
  },
  {
    key: 'units',
    label: '承办单位',
    icon: <BankOutlined />,
    path: '/units',
    roles: access.units,
    group: '机构设置',
  },
  {
    key: 'organisation-proposers',
    label: '提案者组织',
    icon: <IdcardOutlined />,
    path: '/organisation-proposers',
    roles: access.organisationProposers,
    group: '机构设置',
  },
  {
    key: 'staff',
    label: '工作人员',
    icon: <UserOutlined />,
    path: '/staff',
    roles: access.staff,
    group: '机构设置',
  },
  {
    key: 'accounts',
    label: '账号管理',
    icon: <SafetyOutlined />,
    path: '/accounts',
    roles: access.accounts,
    group: '系统管理',
  },
  {
    key: 'account-approvals',
    label: '管理员变更审批',
    icon: <SafetyOutlined />,
    path: '/account-approvals',
    roles: access.accountApprovals,
    group: '系统管理',
  },
  {
    key: 'audit-log',
    label: '审计日志',
    icon: <AuditOutlined />,
    path: '/audit-log',
    roles: access.auditLog,
    group: '系统管理',
  },
  {
    key: 'settings',
    label: '系统设置',
    icon: <SettingOutlined />,
    path: '/settings',
    roles: access.settings,
    group: '系统管理',
  },
];

export function menuFor(roles: readonly Role[]): MenuEntry[] {
  return menuEntries.filter(
    (e) =>
      (!e.roles || e.roles.some((r) => roles.includes(r))) && !e.hiddenFor?.some((r) => roles.includes(r)),
  );
}
