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
import type { CurrentUserAbilities } from '@cppcc/shared';
import { holds, type AbilityRequirement } from '../hooks/useCurrentUser';

export interface MenuEntry {
  key: string;
  label: string;
  icon: ReactNode;
  path: string;
  /** The collection ability (or any of several) from `/api/auth/me` that shows the entry; absent: everyone signed in. */
  ability?: AbilityRequirement;
  /** An ability whose holders do not see the entry even when `ability` would show it. */
  unless?: string;
  group: '工作' | '机构设置' | '系统管理';
}

/** The menu as data; a feature adds one line. Entries show when the user holds `ability`. */
export const menuEntries: MenuEntry[] = [
  {
    key: 'overview',
    label: '总览',
    icon: <DashboardOutlined />,
    path: '/',
    ability: 'home.overview',
    group: '工作',
  },
  { key: 'home', label: '首页', icon: <HomeOutlined />, path: '/', unless: 'home.overview', group: '工作' },
  {
    key: 'my-proposals',
    label: '我的提案',
    icon: <FileTextOutlined />,
    path: '/proposals/mine',
    ability: 'proposals.create',
    group: '工作',
  },
  {
    key: 'proposal-cosign',
    label: '联名邀请',
    icon: <TeamOutlined />,
    path: '/proposals/cosign',
    ability: 'proposals.create',
    group: '工作',
  },
  {
    key: 'proposal-work',
    label: '提案工作',
    icon: <FileTextOutlined />,
    path: '/proposals',
    ability: 'proposals.review',
    group: '工作',
  },
  {
    key: 'proposal-all',
    label: '全部提案',
    icon: <FileTextOutlined />,
    path: '/proposals',
    ability: 'proposals.overview',
    unless: 'proposals.review',
    group: '工作',
  },
  {
    key: 'proposal-review',
    label: '提案审查',
    icon: <AuditOutlined />,
    path: '/proposals/review',
    ability: 'proposals.review',
    group: '工作',
  },
  {
    key: 'unit-work',
    label: '承办工作',
    icon: <SolutionOutlined />,
    path: '/unit/proposals',
    ability: 'proposals.handle',
    group: '工作',
  },
  {
    key: 'proposal-overdue',
    label: '超期提案',
    icon: <CalendarOutlined />,
    path: '/proposals/overdue',
    ability: ['proposals.overview', 'proposals.handle'],
    group: '工作',
  },
  {
    key: 'proposal-key',
    label: '重点提案',
    icon: <TagsOutlined />,
    path: '/proposals/key',
    ability: ['proposals.overview', 'proposals.superviseKey'],
    group: '工作',
  },
  {
    key: 'proposal-figures',
    label: '提案统计',
    icon: <DashboardOutlined />,
    path: '/proposals/figures',
    ability: 'proposals.overview',
    group: '工作',
  },
  { key: 'notifications', label: '通知', icon: <BellOutlined />, path: '/notifications', group: '工作' },
  {
    key: 'members',
    label: '委员',
    icon: <TeamOutlined />,
    path: '/members',
    ability: 'member.browse',
    group: '机构设置',
  },
  {
    key: 'member-groups',
    label: '活动小组',
    icon: <ClusterOutlined />,
    path: '/member-groups',
    ability: 'memberGroup.browse',
    group: '机构设置',
  },
  {
    key: 'contact-points',
    label: '联系点',
    icon: <EnvironmentOutlined />,
    path: '/contact-points',
    ability: 'contactPoint.browse',
    group: '机构设置',
  },
  {
    key: 'sectors',
    label: '界别',
    icon: <TagsOutlined />,
    path: '/sectors',
    ability: 'sector.browse',
    group: '机构设置',
  },
  {
    key: 'special-committees',
    label: '专委会',
    icon: <ApartmentOutlined />,
    path: '/special-committees',
    ability: 'specialCommittee.browse',
    group: '机构设置',
  },
  {
    key: 'terms',
    label: '届次',
    icon: <CalendarOutlined />,
    path: '/terms',
    ability: 'term.browse',
    group: '机构设置',
  },
  {
    key: 'units',
    label: '承办单位',
    icon: <BankOutlined />,
    path: '/units',
    ability: 'unit.browse',
    group: '机构设置',
  },
  {
    key: 'organisation-proposers',
    label: '提案者组织',
    icon: <IdcardOutlined />,
    path: '/organisation-proposers',
    ability: 'organisationProposer.browse',
    group: '机构设置',
  },
  {
    key: 'staff',
    label: '工作人员',
    icon: <UserOutlined />,
    path: '/staff',
    ability: 'staff.browse',
    group: '机构设置',
  },
  {
    key: 'accounts',
    label: '账号管理',
    icon: <SafetyOutlined />,
    path: '/accounts',
    ability: 'account.list',
    group: '系统管理',
  },
  {
    key: 'account-approvals',
    label: '管理员变更审批',
    icon: <SafetyOutlined />,
    path: '/account-approvals',
    ability: 'accountApproval.list',
    group: '系统管理',
  },
  {
    key: 'audit-log',
    label: '审计日志',
    icon: <AuditOutlined />,
    path: '/audit-log',
    ability: 'auditLog.read',
    group: '系统管理',
  },
  {
    key: 'settings',
    label: '系统设置',
    icon: <SettingOutlined />,
    path: '/settings',
    ability: 'settings.update',
    group: '系统管理',
  },
];

export function menuFor(abilities: CurrentUserAbilities): MenuEntry[] {
  return menuEntries.filter(
    (e) => holds(abilities, e.ability) && !(e.unless && abilities[e.unless] === true),
  );
}
