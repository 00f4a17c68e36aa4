import { afterAll, beforeAll } from 'vitest';
import type { Role } from '@cppcc/shared';
import type { AppConfig } from '../src/env';
import { and, eq } from 'drizzle-orm';
import * as s from '../src/db/schema';
import type { Db } from '../src/db/client';
import { as, createTestApp, type Session, type TestContext } from './harness';
import { buildCommittee, signedInUser } from './factories';

export type SignedInUser = Awaited<ReturnType<typeof signedInUser>>;

export interface CommitteeApp<Name extends string> extends TestContext {
  committeeId: number;
  /** The users asked for, each signed in with its roles. */
  users: Record<Name, SignedInUser>;
}

/**
 * This file's test app with one committee and the named users signed in, opened before the
 * file's tests and closed after them. The object is filled in by `beforeAll`: read its fields
 * inside hooks and tests, not while the file is loading.
 */
export function useCommitteeApp<Name extends string = never>(
  options: {
    users?: Record<Name, Role[]>;
    committee?: Parameters<typeof buildCommittee>[1];
    config?: Partial<AppConfig>;
  } = {},
): CommitteeApp<Name> {
  const roles = Object.entries<Role[]>(options.users ?? {}) as [Name, Role[]][];
  // Each user object exists from the start and is filled in later, so a file may destructure them at once.
  const users = Object.fromEntries(roles.map(([name]) => [name, {}])) as Record<Name, SignedInUser>;
  const context = { users } as CommitteeApp<Name>;
  beforeAll(async () => {
    Object.assign(context, await createTestApp(options.config));
    context.committeeId = (await buildCommittee(context.database.db, options.committee)).id;
    for (const [name, userRoles] of roles)
      Object.assign(users[name], await signedInUser(context.app, context.committeeId, userRoles));
  });
  // Optional call: when opening failed there is nothing to close, and that failure is the one to see.
  afterAll(() => context.close?.());
  return context;
}

/** app.inject as a signed-in user, returning status and parsed body. */
export function caller(t: TestContext) {
  return async (who: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const res = await t.app.inject({
      method,
      url: `/api${url}`,
      headers: as(who),
      payload: payload as object | undefined,
    });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };
}

/** A user's notifications of one kind. */
export async function notificationsOf(db: Db, userId: number, kind: string) {
  return db
    .select()
    .from(s.notifications)
    .where(and(eq(s.notifications.userId, userId), eq(s.notifications.kind, kind)));
}
