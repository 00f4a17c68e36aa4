import { z } from 'zod';
import type { AppInstance } from '../../app';
import { probeSessionLookup } from '../../lib/auth';
import { AppError } from '../../lib/errors';

export async function systemRoutes(app: AppInstance) {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: '健康检查',
        description:
          '经由应用自身的连接池与预编译语句查询会话；连接全忙且半秒内已有请求查询会话成功时以其为证，不再排队。数据库不可用时返回 503。',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['embedded', 'postgres']) }) },
      },
      config: { access: 'public' },
    },
    async () => {
      try {
        await probeSessionLookup(app.deps.database);
      } catch (error) {
        // The driver's own reason; drizzle's wrapper would add the whole SQL text.
        const { message, cause } = error as Error & { cause?: Error };
        console.error('健康检查失败：', cause?.message ?? message);
        throw new AppError('SERVICE_UNAVAILABLE');
      }
      return { status: 'ok' as const, database: app.deps.database.mode };
    },
  );
}
