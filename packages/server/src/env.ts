import { z } from 'zod';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_IDLE_SECONDS: z.coerce.number().min(0.1).max(3600).default(10),
  SESSION_SECRET: z.string().min(16).optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  // An office or a plenary hall signs in from one address: the address ceiling is high, the account's low.
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(300),
  LOGIN_ACCOUNT_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  UPLOAD_DIR: z.string().optional(),
  WEB_DIST: z.string().optional(),
  UPLOAD_MAX_MB: z.coerce.number().positive().max(200).default(20),
  DEMO_PASSWORD: z.string().optional(),
  API_DOCS_PUBLIC: z.enum(['true', 'false']).default('false'),
  SEED_DEMO: z.enum(['true', 'false', 'accounts']).default('true'),
  NODE_ENV: z.string().default('production'),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|[\w.:/]+(,[\w.:/]+)*)$/, '应为 true、false 或以逗号分隔的代理地址')
    .default('false'),
});

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** Seconds an unused pooled database connection stays open before it is closed. */
  databaseIdleSeconds: number;
  sessionSecret: string;
  sessionIdleMinutes: number;
  /** Hours after sign-in at which a session ends however active it is. */
  sessionMaxHours: number;
  /** Login attempts allowed per client address per minute. */
  loginRateLimit: number;
  /** Login attempts allowed per account (the name typed) per minute, whatever the address. */
  loginAccountRateLimit: number;
  uploadDir: string;
  uploadMaxBytes: number;
  /** The built web UI served at `/` (`WEB_DIST`); default `packages/web/dist`. */
  webDist?: string;
  demoPassword?: string;
  /** What an empty database is filled with: every module's demo data, only the organisation and its accounts, or nothing. */
  seedDemo: 'all' | 'accounts' | 'none';
  /** The OpenAPI document and its page without signing in (`API_DOCS_PUBLIC=true`). */
  apiDocsPublic: boolean;
  /** The session cookie's `Secure` flag: `auto` sets it when the request arrived over HTTPS. */
  secureCookies: 'auto' | boolean;
  /**
   * Whose `X-Forwarded-*` headers count (Fastify's `trustProxy`): nobody by default, since a direct
   * client could otherwise claim HTTPS or another address; behind a reverse proxy, the proxy.
   */
  trustProxy: boolean | string[];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`配置有误:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    databaseIdleSeconds: e.DATABASE_IDLE_SECONDS,
    sessionSecret: e.SESSION_SECRET ?? randomBytes(32).toString('hex'),
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    loginAccountRateLimit: e.LOGIN_ACCOUNT_RATE_LIMIT,
    uploadDir: resolve(e.UPLOAD_DIR ?? `${dataDir}/uploads`),
    uploadMaxBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024),
    webDist: e.WEB_DIST ? resolve(e.WEB_DIST) : undefined,
    demoPassword: e.DEMO_PASSWORD,
    seedDemo: e.SEED_DEMO === 'true' ? 'all' : e.SEED_DEMO === 'accounts' ? 'accounts' : 'none',
    apiDocsPublic: e.API_DOCS_PUBLIC === 'true',
    secureCookies: e.COOKIE_SECURE === 'auto' ? 'auto' : e.COOKIE_SECURE === 'true',
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
  };
}

function parseTrustProxy(value: string): AppConfig['trustProxy'] {
  if (value === 'true' || value === 'false') return value === 'true';
  return value.split(',');
}
