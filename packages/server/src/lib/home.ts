import type { HomeCardDto, Role } from '@cppcc/shared';
import type { DbOrTx } from '../db/client';
import type { Actor } from './actor';
import { AppError } from './errors';
import { can } from './policy';

export interface HomeContext {
  db: DbOrTx;
  actor: Actor;
}

export interface HomeProvider {
  /** Unique name of the provider. */
  key: string;
  /** Roles that see the cards; omitted = every signed-in user. */
  roles?: readonly Role[];
  /** Cards of lower order come first; default 100. */
  order?: number;
  build(ctx: HomeContext): Promise<HomeCardDto[]>;
}

const providers = new Map<string, HomeProvider>();

/** Declares cards of the home page; a module's manifest lists them (modules/index.ts). */
export const defineHomeProvider = (provider: HomeProvider): HomeProvider => provider;

/** A provider of one card with one count, which warns while there is anything counted. */
export function defineCountCard({
  count,
  card,
  description,
  ...provider
}: Omit<HomeProvider, 'build'> & {
  count(ctx: HomeContext): Promise<number>;
  card: { title: string; unit: string; link: string };
  /** The description while something is counted, and while nothing is. */
  description: [some: string, none: string];
}): HomeProvider {
  return {
    ...provider,
    async build(ctx) {
      let value: number;
      try {
        value = await count(ctx);
      } catch (error) {
        // A list the user may not open yields no card, never a broken home page.
        if (error instanceof AppError && (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND'))
          return [];
        throw error;
      }
      const [some, none] = description;
      return [
        {
          key: provider.key,
          title: card.title,
          value,
          unit: card.unit,
          description: value > 0 ? some : none,
          link: card.link,
          tone: value > 0 ? 'warning' : 'default',
        },
      ];
    },
  };
}

/** Makes the manifest's providers the home page's, in manifest order (once per app). */
export function installHomeProviders(list: readonly HomeProvider[]) {
  providers.clear();
  for (const provider of list) providers.set(provider.key, provider);
}

/**
 * The cards for one user, by order then manifest order. Providers run one after another: the embedded
 * database has a single connection, so running them in parallel would gain nothing.
 */
export async function buildHomeCards(ctx: HomeContext): Promise<HomeCardDto[]> {
  const cards: HomeCardDto[] = [];
  // Array sort is stable: providers of equal order keep their manifest order.
  const ordered = [...providers.values()].sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
  for (const provider of ordered) {
    const card = { committeeId: ctx.actor.committeeId, roles: provider.roles };
    if (!can(ctx.actor, 'read', 'homeCard', card)) continue;
    cards.push(...(await provider.build(ctx)));
  }
  return cards;
}
