import type { ComponentType } from 'react';
import type { ProposalQueue } from '../features/proposals/ProposalQueues';
import type { AbilityRequirement } from '../hooks/useCurrentUser';
import { activityOutcomeLists, activityOutcomeRoutes } from './activityOutcomeRoutes';

/**
 * Every page of the signed-in area, one line each. `ability` (from `/api/auth/me`) limits who may open it (absent: everyone
 * signed in); the server still checks every request.
 */
export interface PageRoute {
  path: string;
  title: string;
  ability?: AbilityRequirement;
  /**
   * For a page outside the menu (a record, a form): the menu paths of the lists it belongs to, for the
   * highlighted menu entry, the breadcrumb and the way back (`section.ts`).
   */
  within?: string[];
  load: () => Promise<{ default: ComponentType }>;
}

/** Every list a proposal is opened from. */
const proposalLists = [
  '/proposals',
  '/proposals/review',
  '/unit/proposals',
  '/proposals/mine',
  '/proposals/cosign',
  '/proposals/key',
  '/proposals/overdue',
];

/** The proposal lists that are only a view of the list share one module. */
const proposalQueue = (queue: ProposalQueue) =>
  import('../features/proposals/ProposalQueues').then((m) => ({ default: m.queuePages[queue] }));

/** Every list an opinion is opened from. */
const opinionLists = [
  '/opinions/mine',
  '/opinions/coauthor',
  '/opinions/inbox',
  '/opinions/all',
  '/opinions/forwardings',
];

/** The opinion lists that are only a view of the list share one module. */
const opinionList = (view: keyof typeof import('../features/opinions/OpinionListPages').opinionListPages) =>
  import('../features/opinions/OpinionListPages').then((m) => ({ default: m.opinionListPages[view] }));

/** Every list an activity is opened from. */
const activityLists = [
  '/activities',
  '/activities/mine',
  '/activities/leave',
  '/activities/attendance',
  '/activities/figures',
  ...activityOutcomeLists,
];

export const pageRoutes: PageRoute[] = [
  { path: '/', title: '首页', load: () => import('../features/home/HomePage') },
  {
    path: '/notifications',
    title: '通知',
    load: () => import('../features/notifications/NotificationsPage'),
  },
  // The global search, reached from the top bar; the server returns only what the user may read.
  { path: '/search', title: '搜索', load: () => import('../features/search/SearchPage') },
  // Proposals (src/features/proposals/); a proposal's own page is open to every reader the server allows.
  {
    path: '/proposals/mine',
    title: '我的提案',
    ability: 'proposals.create',
    load: () => import('../features/proposals/MyProposalsPage'),
  },
  {
    path: '/proposals/cosign',
    title: '联名邀请',
    ability: 'proposals.create',
    load: () => proposalQueue('cosign'),
  },
  {
    path: '/proposals/new',
    title: '写提案',
    ability: 'proposals.create',
    within: ['/proposals/mine'],
    load: () => import('../features/proposals/ProposalEditPage'),
  },
  {
    path: '/proposals/:id/edit',
    title: '修改提案',
    ability: 'proposals.create',
    within: ['/proposals/mine'],
    load: () => import('../features/proposals/ProposalEditPage'),
  },
  {
    path: '/proposals',
    title: '提案工作',
    ability: 'proposals.overview',
    load: () => import('../features/proposals/StaffProposalsPage'),
  },
  {
    path: '/proposals/review',
    title: '提案审查',
    ability: 'proposals.review',
    load: () => import('../features/proposals/ReviewQueuePage'),
  },
  {
    path: '/proposals/overdue',
    title: '超期提案',
    ability: ['proposals.overview', 'proposals.handle', 'proposals.superviseKey'],
    load: () => proposalQueue('overdue'),
  },
  {
    path: '/proposals/key',
    title: '重点提案',
    ability: ['proposals.overview', 'proposals.superviseKey'],
    load: () => proposalQueue('key'),
  },
  {
    path: '/proposals/followups',
    title: '回头看',
    ability: 'proposals.review',
    load: () => proposalQueue('followup'),
  },
  {
    path: '/proposals/figures',
    title: '提案统计',
    ability: ['proposals.overview', 'proposals.superviseKey'],
    load: () => import('../features/proposals/FiguresPage'),
  },
  {
    path: '/proposals/:id',
    title: '提案详情',
    within: proposalLists,
    load: () => import('../features/proposals/ProposalDetailPage'),
  },
  {
    path: '/unit/proposals',
    title: '承办工作',
    ability: 'proposals.handle',
    load: () => proposalQueue('unit'),
  },
  // Opinions (社情民意信息, src/features/opinions/); an opinion's own page is open to every reader the server allows.
  {
    path: '/opinions/mine',
    title: '我的社情民意',
    ability: 'opinions.create',
    load: () => opinionList('mine'),
  },
  {
    path: '/opinions/coauthor',
    title: '待我联名',
    ability: 'opinions.create',
    load: () => opinionList('coauthor'),
  },
  {
    path: '/opinions/new',
    title: '写信息',
    ability: 'opinions.create',
    within: ['/opinions/mine'],
    load: () => import('../features/opinions/OpinionEditPage'),
  },
  {
    path: '/opinions/:id/edit',
    title: '修改信息',
    ability: 'opinions.create',
    within: ['/opinions/mine'],
    load: () => import('../features/opinions/OpinionEditPage'),
  },
  {
    path: '/opinions/inbox',
    title: '信息收件箱',
    ability: 'opinions.edit',
    load: () => opinionList('inbox'),
  },
  { path: '/opinions/all', title: '全部信息', ability: 'opinions.overview', load: () => opinionList('all') },
  {
    path: '/opinions/issues',
    title: '期刊',
    ability: ['opinions.edit', 'opinions.overview'],
    load: () => import('../features/opinions/IssuePages').then((m) => ({ default: m.IssueListPage })),
  },
  {
    path: '/opinions/issues/new',
    title: '编辑新一期',
    ability: 'opinions.edit',
    within: ['/opinions/issues'],
    load: () => import('../features/opinions/IssueEditPage'),
  },
  {
    path: '/opinions/issues/:id/edit',
    title: '修改期刊',
    ability: 'opinions.edit',
    within: ['/opinions/issues'],
    load: () => import('../features/opinions/IssueEditPage'),
  },
  {
    path: '/opinions/issues/:id',
    title: '期刊',
    ability: ['opinions.edit', 'opinions.overview'],
    within: ['/opinions/issues'],
    load: () => import('../features/opinions/IssuePages').then((m) => ({ default: m.IssueDetailPage })),
  },
  {
    path: '/opinions/forwardings',
    title: '转办件',
    ability: ['opinions.handleForwarded', 'opinions.edit', 'opinions.overview'],
    load: () => import('../features/opinions/ForwardingsPage'),
  },
  {
    path: '/opinions/figures',
    title: '社情民意统计',
    ability: 'opinions.overview',
    load: () => import('../features/opinions/FiguresPage'),
  },
  {
    path: '/opinions/:id',
    title: '信息详情',
    within: opinionLists,
    load: () => import('../features/opinions/OpinionDetailPage'),
  },
  // Activities (履职活动, src/features/activities/); an activity's own page is open to every reader the server allows.
  {
    path: '/activities',
    title: '活动管理',
    ability: 'activities.overview',
    load: () => import('../features/activities/ActivitiesPage'),
  },
  {
    path: '/activities/mine',
    title: '我的活动',
    ability: 'activities.attend',
    load: () => import('../features/activities/MyActivitiesPage'),
  },
  {
    path: '/activities/new',
    title: '新建活动',
    ability: 'activities.manage',
    within: ['/activities'],
    load: () => import('../features/activities/ActivityEditPage'),
  },
  {
    path: '/activities/leave',
    title: '请假审批',
    ability: 'activities.decideLeave',
    load: () => import('../features/activities/LeaveQueuePage'),
  },
  {
    path: '/activities/attendance',
    title: '出勤记录',
    ability: 'activities.overview',
    within: ['/activities/attendance', '/activities/figures', '/activities'],
    load: () => import('../features/activities/AttendancePage'),
  },
  {
    path: '/activities/figures',
    title: '活动统计',
    ability: 'activities.overview',
    load: () => import('../features/activities/FiguresPage'),
  },
  ...activityOutcomeRoutes,
  {
    path: '/activities/:id/edit',
    title: '修改活动',
    ability: 'activities.manage',
    within: ['/activities'],
    load: () => import('../features/activities/ActivityEditPage'),
  },
  {
    path: '/activities/:id/sign-in-screen',
    title: '签到屏',
    ability: 'activities.manage',
    within: ['/activities'],
    load: () => import('../features/activities/SignInScreenPage'),
  },
  {
    path: '/activities/:id/sign-in',
    title: '活动签到',
    ability: 'activities.attend',
    within: ['/activities/mine'],
    load: () => import('../features/activities/SignInPage'),
  },
  {
    path: '/activities/:id',
    title: '活动详情',
    within: activityLists,
    load: () => import('../features/activities/ActivityDetailPage'),
  },
  // The annual consultation plan (src/features/consultation-plans/).
  {
    path: '/consultation-plans',
    title: '年度协商计划',
    ability: 'consultationPlans.read',
    load: () => import('../features/consultation-plans/ConsultationPlanPage'),
  },
  {
    path: '/consultation-plans/new',
    title: '编制年度协商计划',
    ability: 'consultationPlans.manage',
    within: ['/consultation-plans'],
    load: () => import('../features/consultation-plans/PlanEditPage'),
  },
  {
    path: '/consultation-plans/:id/edit',
    title: '修改年度协商计划',
    ability: 'consultationPlans.manage',
    within: ['/consultation-plans'],
    load: () => import('../features/consultation-plans/PlanEditPage'),
  },
  {
    path: '/members',
    title: '委员',
    ability: 'member.browse',
    load: () => import('../features/organisation/MembersPage'),
  },
  {
    path: '/terms',
    title: '届次',
    ability: 'term.browse',
    load: () => import('../features/organisation/TermsPage'),
  },
  {
    path: '/sectors',
    title: '界别',
    ability: 'sector.browse',
    load: () => import('../features/organisation/SectorsPage'),
  },
  {
    path: '/special-committees',
    title: '专委会',
    ability: 'specialCommittee.browse',
    load: () => import('../features/organisation/SpecialCommitteesPage'),
  },
  {
    path: '/member-groups',
    title: '活动小组',
    ability: 'memberGroup.browse',
    load: () => import('../features/organisation/MemberGroupsPage'),
  },
  {
    path: '/contact-points',
    title: '联系点',
    ability: 'contactPoint.browse',
    load: () => import('../features/organisation/ContactPointsPage'),
  },
  {
    path: '/units',
    title: '承办单位',
    ability: 'unit.browse',
    load: () => import('../features/organisation/UnitsPage'),
  },
  {
    path: '/organisation-proposers',
    title: '提案者组织',
    ability: 'organisationProposer.browse',
    load: () => import('../features/organisation/OrganisationProposersPage'),
  },
  {
    path: '/staff',
    title: '工作人员',
    ability: 'staff.browse',
    load: () => import('../features/organisation/StaffPage'),
  },
  {
    path: '/accounts',
    title: '账号管理',
    ability: 'account.list',
    load: () => import('../features/accounts/AccountsPage'),
  },
  {
    path: '/account-approvals',
    title: '管理员变更审批',
    ability: 'accountApproval.list',
    load: () => import('../features/accounts/AccountApprovalsPage'),
  },
  {
    path: '/audit-log',
    title: '审计日志',
    ability: 'auditLog.read',
    load: () => import('../features/audit/AuditLogPage'),
  },
  {
    path: '/settings',
    title: '系统设置',
    ability: 'settings.update',
    load: () => import('../features/settings/SettingsPage'),
  },
];
