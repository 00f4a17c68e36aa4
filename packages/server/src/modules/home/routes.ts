import { z } from 'zod';
import { homeCardSchema } from '@cppcc/shared';
import type { AppInstance } from '../../app';
import { buildHomeCards } from '../../lib/home';
import { serviceContext } from '../../lib/request-context';

export async function homeRoutes(app: AppInstance) {
  app.get(
    '/home',
    {
      schema: {
        tags: ['home'],
        summary: '首页卡片（按角色）',
        response: { 200: z.object({ cards: z.array(homeCardSchema) }) },
      },
    },
    async (req) => ({ cards: await buildHomeCards(serviceContext(req)) }),
  );
}
