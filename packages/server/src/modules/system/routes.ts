import { z } from 'zod';
import type { AppInstance } from '../../app';

export async function systemRoutes(app: AppInstance) {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: '健康检查',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['embedded', 'postgres']) }) },
      },
      config: { access: 'public' },
    },
    async () => {
      await app.deps.database.pool.query('select 1');
      return { status: 'ok' as const, database: app.deps.database.mode };
    },
  );
}
