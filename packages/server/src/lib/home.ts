import type { HomeCardDto, Role } from '@cppcc/shared';
import type { DbOrTx } from '../db/client';
import type { Actor } from './actor';
import { can } from './policy';

export interface HomeContext {
  db: DbOrTx;
  actor: Actor;
}

export interface HomeProvider {
  /** Unique name; registering the same key again replaces the provider (hot reload, tests). */
  key: string;
  /** Roles that see the cards; omitted = every signed-in user. */
  roles?: readonly Role[];
  /** Cards of lower order come first; default 100. */
  order?: number;
  build(ctx: HomeContext): Promise<HomeCardDto[]>;
}

const providers = new Map<string, HomeProvider>();

/** Adds cards to the home page; one call per module, e.g. in its routes file. */
export function registerHomeProvider(provider: HomeProvider) {
  providers.set(provider.key, provider);
}

/**
 * The cards for one user, by order then registration. Providers run one after another: the embedded
 * database has a single connection, so running them in parallel would gain nothing.
 */
export async function buildHomeCards(ctx: HomeContext): Promise<HomeCardDto[]> {
  const cards: HomeCardDto[] = [];
  // Array sort is stable: providers of equal order keep their registration order.
  const ordered = [...providers.values()].sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
  for (const provider of ordered) {
    const card = { committeeId: ctx.actor.committeeId, roles: provider.roles };
    if (!can(ctx.actor, 'read', 'homeCard', card)) continue;
    cards.push(...(await provider.build(ctx)));
  }
  return cards;
}
