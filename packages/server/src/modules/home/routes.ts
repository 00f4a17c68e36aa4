import { z } from 'zod';
import { homeCardSchema } from '@cppcc/shared';
import type { AppInstance } from '../../app';
import { buildHomeCards } from '../../lib/home';
import { serviceContext } from '../../lib/request-context';
import { documentedAs } from '../../lib/api-docs';

const doc = documentedAs('home');

export async function homeRoutes(app: AppInstance) {
  app.get(
    '/home',
    doc('首页卡片（按角色）', { response: { 200: z.object({ cards: z.array(homeCardSchema) }) } }),
    async (req) => ({ cards: await buildHomeCards(serviceContext(req)) }),
  );
}
