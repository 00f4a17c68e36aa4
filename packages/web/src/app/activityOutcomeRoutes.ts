import type { PageRoute } from './routes';

/** The pages of what activities produce (src/features/activities/outcomes/), spread into `pageRoutes`. */
export const activityOutcomeRoutes: PageRoute[] = [
  {
    path: '/activities/suggestions',
    title: '意见建议',
    ability: ['activityOutcomes.overview', 'activityOutcomes.answer'],
    load: () => import('../features/activities/outcomes/SuggestionsPage'),
  },
  {
    path: '/activities/speeches',
    title: '会议发言',
    ability: 'activityOutcomes.overview',
    load: () => import('../features/activities/outcomes/SpeechesPage'),
  },
  {
    path: '/activities/speeches/mine',
    title: '我的发言',
    ability: 'activityOutcomes.write',
    load: () => import('../features/activities/outcomes/MySpeechesPage'),
  },
  {
    path: '/activities/reading-notes',
    title: '读书笔记',
    ability: 'activityOutcomes.overview',
    load: () => import('../features/activities/outcomes/ReadingNotesPage'),
  },
  {
    path: '/activities/reading-notes/mine',
    title: '我的读书笔记',
    ability: 'activityOutcomes.write',
    load: () => import('../features/activities/outcomes/MyReadingNotesPage'),
  },
];

/** The lists an activity is opened from, besides the activity lists. */
export const activityOutcomeLists = activityOutcomeRoutes.map((r) => r.path);
