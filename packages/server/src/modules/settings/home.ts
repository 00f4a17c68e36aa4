import { defaultSettings, settingLabels, type SettingKey } from '@cppcc/shared';
import { defineHomeProvider } from '../../lib/home';
import { getSettings } from '../../lib/settings';

export const customisedSettingsCard = defineHomeProvider({
  key: 'settings.customised',
  roles: ['sysAdmin'],
  async build({ db, actor }) {
    const settings = await getSettings(db, actor.committeeId);
    const changed = (Object.keys(defaultSettings) as SettingKey[]).filter(
      (key) => JSON.stringify(settings[key]) !== JSON.stringify(defaultSettings[key]),
    );
    return [
      {
        key: 'settings.customised',
        title: '本级自定义的设置项',
        value: changed.length,
        unit: '项',
        description:
          changed.length > 0 ? changed.map((k) => settingLabels[k]).join('、') : '全部采用默认规则',
        link: '/settings',
      },
    ];
  },
});
