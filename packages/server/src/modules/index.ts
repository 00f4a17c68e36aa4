import type { AppInstance } from '../app';
import { defineSubscription, installSubscriptions, type EventSubscription } from '../lib/events';
import { installHomeProviders, type HomeProvider } from '../lib/home';
import { installPolicies, type ResourcePolicy } from '../lib/policy';
import { registerAttachmentOwner, type OwnerReadCheck } from '../lib/storage';
import { accountPolicies } from '../policies/account';
import { activityPolicies } from '../policies/activity';
import { activityOutcomePolicies } from '../policies/activity-outcomes';
import { attachmentPolicy } from '../policies/attachment';
import { auditPolicy } from '../policies/audit';
import { consultationPlanPolicies } from '../policies/consultation-plan';
import { homePolicies } from '../policies/home-card';
import { notificationPolicy } from '../policies/notification';
import { organisationPolicies } from '../policies/organisation';
import { opinionPolicies } from '../policies/opinion';
import { proposalPolicies } from '../policies/proposal';
import { settingsPolicy } from '../policies/settings';
import { lockedAccountsCard } from './accounts/home';
import { activityAttachmentOwners } from './activities/attachment-owners';
import { activityHomeCards } from './activities/home';
import { activityOutcomeRoutes } from './activities/outcomes/routes';
import { activityRoutes } from './activities/routes';
import { searchRoutes } from './search/routes';
import { accountRoutes } from './accounts/routes';
import { attachmentRoutes } from './attachments/routes';
import { recentAuditCard } from './audit/home';
import { auditRoutes } from './audit/routes';
import { authRoutes } from './auth/routes';
import { consultationPlanRoutes } from './consultation-plans/routes';
import { memberSummaryCard } from './home/providers';
import { homeRoutes } from './home/routes';
import { unreadNotificationsCard } from './notifications/home';
import { notificationRoutes } from './notifications/routes';
import { opinionAttachmentOwners } from './opinions/attachment-owners';
import { draftFromRejectedProposal } from './opinions/from-proposal';
import { opinionHomeCards } from './opinions/home';
import { opinionRoutes } from './opinions/routes';
import { organisationRoutes } from './organisation/routes';
import { proposalAttachmentOwners } from './proposals/attachment-owners';
import { proposalDocumentsRoutes } from './proposals/documents/routes';
import { proposalFiguresRoutes } from './proposals/figures/routes';
import { proposalHomeCards } from './proposals/home';
import { proposalRoutes } from './proposals/routes';
import { customisedSettingsCard } from './settings/home';
import { settingsRoutes } from './settings/routes';
import { systemRoutes } from './system/routes';

/**
 * What a module adds to the platform. Nothing registers itself on import: a module is in the
 * platform when its entry is in `platformModules`, and only then are its rules, cards and routes in.
 */
export interface ModuleManifest {
  name: string;
  /** Route plugins, registered under /api in this order. */
  routes: ((api: AppInstance) => Promise<void>)[];
  /** The rules of the resources the module owns (`can` answers only for installed ones). */
  policies?: readonly ResourcePolicy<never>[];
  /** Cards of the home page. */
  homeCards?: readonly HomeProvider[];
  /** Handlers of other modules' domain events. */
  subscriptions?: readonly EventSubscription[];
  /** Kinds of record files attach to, with who may read such a file. */
  attachmentOwners?: Readonly<Record<string, OwnerReadCheck>>;
}

/** The platform's modules. A new module adds one entry here (docs/MODULES.md). */
export const platformModules: readonly ModuleManifest[] = [
  { name: 'system', routes: [systemRoutes] },
  { name: 'auth', routes: [authRoutes] },
  { name: 'organisation', routes: [organisationRoutes], policies: organisationPolicies },
  {
    name: 'accounts',
    routes: [accountRoutes],
    policies: accountPolicies,
    homeCards: [lockedAccountsCard],
  },
  { name: 'audit', routes: [auditRoutes], policies: [auditPolicy], homeCards: [recentAuditCard] },
  {
    name: 'settings',
    routes: [settingsRoutes],
    policies: [settingsPolicy],
    homeCards: [customisedSettingsCard],
  },
  {
    name: 'notifications',
    routes: [notificationRoutes],
    policies: [notificationPolicy],
    homeCards: [unreadNotificationsCard],
  },
  { name: 'attachments', routes: [attachmentRoutes], policies: [attachmentPolicy] },
  { name: 'home', routes: [homeRoutes], policies: homePolicies, homeCards: [memberSummaryCard] },
  {
    name: 'proposals',
    // Fixed paths (/proposals/figures, /proposals/export.xlsx) before the proposal routes' /proposals/:id.
    routes: [proposalFiguresRoutes, proposalDocumentsRoutes, proposalRoutes],
    policies: proposalPolicies,
    homeCards: proposalHomeCards,
    attachmentOwners: proposalAttachmentOwners,
  },
  {
    name: 'opinions',
    routes: [opinionRoutes],
    policies: opinionPolicies,
    homeCards: opinionHomeCards,
    attachmentOwners: opinionAttachmentOwners,
    subscriptions: [
      defineSubscription(
        'proposal.convertedToOpinion',
        'opinions.draftFromProposal',
        draftFromRejectedProposal,
      ),
    ],
  },
  {
    name: 'activities',
    routes: [activityRoutes, activityOutcomeRoutes],
    policies: [...activityPolicies, ...activityOutcomePolicies],
    homeCards: activityHomeCards,
    attachmentOwners: activityAttachmentOwners,
  },
  { name: 'consultation-plans', routes: [consultationPlanRoutes], policies: consultationPlanPolicies },
  // Search has no records of its own: each hit is shown only if its record's own policy lets the actor read it.
  { name: 'search', routes: [searchRoutes] },
];

/**
 * Installs the modules' rules, home cards and attachment owners, then registers their routes under
 * /api. The rules and cards are process-wide (use cases ask `can` without an app at hand), so every
 * app of a process installs the same manifest.
 */
export async function registerModules(
  api: AppInstance,
  modules: readonly ModuleManifest[] = platformModules,
) {
  installPolicies(modules.flatMap((m) => m.policies ?? []));
  installHomeProviders(modules.flatMap((m) => m.homeCards ?? []));
  installSubscriptions(modules.flatMap((m) => m.subscriptions ?? []));
  for (const m of modules)
    for (const [ownerType, canRead] of Object.entries(m.attachmentOwners ?? {}))
      registerAttachmentOwner(ownerType, canRead);
  for (const m of modules) for (const routes of m.routes) await api.register(routes);
}
