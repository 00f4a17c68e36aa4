import { defaultSettings, settingsResponseSchema, updateSettingsBody } from '@cppcc/shared';
import type { AppInstance } from '../../app';
import { forbidden } from '../../lib/errors';
import { can, collectionOf, presentPolicies } from '../../lib/policy';
import { serviceContext } from '../../lib/request-context';
import { getSettings, updateSettings } from '../../lib/settings';
import { documentedAs } from '../../lib/api-docs';

const doc = documentedAs('settings');

export async function settingsRoutes(app: AppInstance) {
  app.get(
    '/settings',
    doc('本级政协的系统设置（含默认值）', { response: { 200: settingsResponseSchema } }),
    async (req) => {
      const { db, actor } = serviceContext(req);
      if (!can(actor, 'read', 'settings', collectionOf(actor))) throw forbidden();
      return {
        settings: await getSettings(db, actor.committeeId),
        defaults: defaultSettings,
        policies: presentPolicies(actor, 'settings', collectionOf(actor)),
      };
    },
  );

  app.put(
    '/settings',
    doc('保存系统设置（整体替换，系统管理员）', {
      body: updateSettingsBody,
      response: { 200: settingsResponseSchema },
    }),
    async (req) => {
      const { db, actor } = serviceContext(req);
      if (!can(actor, 'update', 'settings', collectionOf(actor)))
        throw forbidden('只有系统管理员可以修改系统设置');
      const settings = await db.transaction((tx) => updateSettings(tx, actor, req.body));
      return {
        settings,
        defaults: defaultSettings,
        policies: presentPolicies(actor, 'settings', collectionOf(actor)),
      };
    },
  );
}
