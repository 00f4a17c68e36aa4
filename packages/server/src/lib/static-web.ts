import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from './errors';

/** Hashed build output: a file's name changes with its content, so a copy never goes stale. */
export const immutableCacheControl = 'public, max-age=31536000, immutable';
/** The page names the current hashed files; the browser must ask again every time (an ETag keeps it cheap). */
export const pageCacheControl = 'no-cache';

const assetsFolder = `${sep}assets${sep}`;

function setCacheControl(reply: FastifyReply, path: string) {
  reply.header('cache-control', path.includes(assetsFolder) ? immutableCacheControl : pageCacheControl);
}

/**
 * Serves the built web UI from `webDist`: the brotli or gzip file written beside each file at build
 * time (`packages/web/vite.config.ts`) when the browser accepts it, with `Vary: Accept-Encoding`;
 * hashed assets cached for a year, the page never without asking. Client-side routes fall back to
 * the page; a missing asset is a 404, never the page (a stale chunk must fail as one, so the web app
 * offers a reload).
 */
export async function registerStaticWeb(app: FastifyInstance, webDist: string) {
  const served = existsSync(webDist);
  if (served) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      preCompressed: true,
      // Set per file below; the plugin's own `max-age=0` would otherwise win.
      cacheControl: false,
      setHeaders: setCacheControl,
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    if (path.startsWith('/api') || !served || (req.method !== 'GET' && req.method !== 'HEAD')) {
      return reply.status(404).send(new AppError('NOT_FOUND', '接口不存在').toBody());
    }
    if (path.startsWith('/assets/'))
      return reply.status(404).send(new AppError('NOT_FOUND', '文件不存在').toBody());
    return reply.type('text/html').sendFile('index.html');
  });
}
