import type { AppInstance } from '../app';
import { authRoutes } from './auth/routes';
import { proposalFiguresRoutes } from './proposals/figures/routes';
import { proposalDocumentsRoutes } from './proposals/documents/routes';
import { proposalRoutes } from './proposals/routes';
import { systemRoutes } from './system/routes';
import { organisationRoutes } from './organisation/routes';
import { accountRoutes } from './accounts/routes';
import { auditRoutes } from './audit/routes';
import { settingsRoutes } from './settings/routes';
import { notificationRoutes } from './notifications/routes';
import { attachmentRoutes } from './attachments/routes';
import { homeRoutes } from './home/routes';

/** Every module's routes, registered explicitly under /api. */
export async function registerModules(api: AppInstance) {
  await api.register(systemRoutes);
  await api.register(authRoutes);
  await api.register(organisationRoutes);
  await api.register(accountRoutes);
  await api.register(auditRoutes);
  await api.register(settingsRoutes);
  await api.register(notificationRoutes);
  await api.register(attachmentRoutes);
  await api.register(homeRoutes);
  await api.register(proposalFiguresRoutes);
  await api.register(proposalDocumentsRoutes);
  await api.register(proposalRoutes);
}
