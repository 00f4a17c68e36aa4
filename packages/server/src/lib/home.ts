import type { HomeCardDto, Role } from '@cppcc/shared';
import type { DbOrTx } from '../db/client';
import { hasRole, type Actor } from './actor';

export interface HomeContext {
  db: DbOrTx;
  actor: Actor;
}

export interface HomeProvider {
  /** Unique name; registering the same key again replaces the provider (hot reload, tests). */
  key: string;
  /** Roles that see the cards; omitted = every signed-in user. */
  roles?: readonly Role[];
  build(ctx: HomeContext): Promise<HomeCardDto[]>;
}

const providers = new Map<string, HomeProvider>();

/** Adds cards to the home page; one call per module, e.g. in its routes file. */
export function registerHomeProvider(provider: HomeProvider) {
  providers.set(provider.key, provider);
}

/**
 * The cards for one user, in registration order. Providers run one after another: the embedded
 * database has a single connection, so running them in parallel would gain nothing.
 */
export async function buildHomeCards(ctx: HomeContext): Promise<HomeCardDto[]> {
  const cards: HomeCardDto[] = [];
  for (const provider of providers.values()) {
    if (provider.roles && !hasRole(ctx.actor, ...provider.roles)) continue;
    cards.push(...(await provider.build(ctx)));
  }
  return cards;
}
