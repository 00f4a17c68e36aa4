import { z } from 'zod';
import type { AppInstance } from '../../app';
import { buildHomeCards } from '../../lib/home';
import './providers';

const cardResponse = z.object({
  key: z.string(),
  title: z.string(),
  value: z.number().optional(),
  unit: z.string().optional(),
  description: z.string().optional(),
  link: z.string().optional(),
  tone: z.enum(['default', 'warning', 'danger']).optional(),
  items: z
    .array(
      z.object({
        label: z.string(),
        value: z.number(),
        unit: z.string().optional(),
        link: z.string().optional(),
      }),
    )
    .optional(),
});

export async function homeRoutes(app: AppInstance) {
  const { db } = app.deps.database;

  app.get(
    '/home',
    {
      schema: {
        tags: ['home'],
        summary: '首页卡片（按角色）',
        response: { 200: z.object({ cards: z.array(cardResponse) }) },
      },
    },
    async (req) => ({ cards: await buildHomeCards({ db, actor: req.actor! }) }),
  );
}
