import type { AppInstance } from '../../app';
import { catalogRoutes } from './catalog-routes';
import { memberRoutes } from './member-routes';
import { optionsRoutes } from './options';

/** The organisation API: terms, sessions, lists, staff, units, members and the roster import. */
export async function organisationRoutes(app: AppInstance) {
  await app.register(catalogRoutes);
  await app.register(memberRoutes);
  await app.register(optionsRoutes);
}
