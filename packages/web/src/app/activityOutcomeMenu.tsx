import { BulbOutlined, MessageOutlined, ReadOutlined } from '@ant-design/icons';
import type { MenuEntry } from './menu';

// The menu entries of what activities produce, spread into `menuEntries` where they belong.

/** A member's own speeches and reading notes, next to 我的活动. */
export const memberOutcomeEntries: MenuEntry[] = [
  {
    key: 'my-speeches',
    label: '我的发言',
    icon: <MessageOutlined />,
    path: '/activities/speeches/mine',
    ability: 'activityOutcomes.write',
    group: '履职活动',
  },
  {
    key: 'my-reading-notes',
    label: '我的读书笔记',
    icon: <ReadOutlined />,
    path: '/activities/reading-notes/mine',
    ability: 'activityOutcomes.write',
    group: '履职活动',
  },
];

/** The staff's lists (to act on) and the leaders' (to read). */
export const overviewOutcomeEntries: MenuEntry[] = [
  {
    key: 'activity-suggestions',
    label: '意见建议',
    icon: <BulbOutlined />,
    path: '/activities/suggestions',
    ability: 'activityOutcomes.overview',
    group: '履职活动',
  },
  {
    key: 'activity-speeches',
    label: '会议发言',
    icon: <MessageOutlined />,
    path: '/activities/speeches',
    ability: 'activityOutcomes.overview',
    group: '履职活动',
  },
  {
    key: 'reading-notes',
    label: '读书笔记',
    icon: <ReadOutlined />,
    path: '/activities/reading-notes',
    ability: 'activityOutcomes.overview',
    group: '履职活动',
  },
];

/** A department's suggestions sent to it, with its other work. */
export const unitOutcomeEntries: MenuEntry[] = [
  {
    key: 'unit-suggestions',
    label: '意见建议',
    icon: <BulbOutlined />,
    path: '/activities/suggestions',
    ability: 'activityOutcomes.answer',
    unless: 'activityOutcomes.overview',
    group: '工作',
  },
];
