import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { domainEvents } from '../db/schema';

/**
 * A small in-transaction domain event bus. `emit` stores the event in `domain_events` and runs every
 * subscriber with the same transaction handle, so a subscriber's writes commit or roll back with the
 * change that caused them. Events stay in the table when nobody subscribes yet (a module built later
 * can replay them).
 */
export interface DomainEventMap {
  /** A rejected proposal whose disposition is 转为社情民意: the opinions module creates a draft for the proposer. */
  'proposal.convertedToOpinion': {
    committeeId: number;
    proposalId: number;
    memberId: number;
    title: string;
    content: string;
    reason: string;
  };
  /** A rejected proposal forwarded as 意见建议 to a department. */
  'proposal.forwardedAsSuggestion': {
    committeeId: number;
    proposalId: number;
    unitId: number;
    title: string;
    content: string;
  };
}
export type DomainEventName = keyof DomainEventMap;

export interface StoredEvent<N extends DomainEventName> {
  id: number;
  name: N;
  payload: DomainEventMap[N];
}

type Subscriber<N extends DomainEventName> = {
  name: string;
  handle(tx: DbOrTx, event: StoredEvent<N>): Promise<void>;
};

const subscribers = new Map<DomainEventName, Subscriber<never>[]>();

/** Registers a handler; `name` identifies it in `domain_events.handled_by` and must be unique per event. */
export function subscribe<N extends DomainEventName>(
  event: N,
  name: string,
  handle: (tx: DbOrTx, event: StoredEvent<N>) => Promise<void>,
) {
  const list = (subscribers.get(event) ?? []) as Subscriber<N>[];
  if (list.some((s) => s.name === name))
    throw new Error(`subscriber ${name} already registered for ${event}`);
  list.push({ name, handle });
  subscribers.set(event, list as Subscriber<never>[]);
  return () => {
    const current = (subscribers.get(event) ?? []) as Subscriber<N>[];
    subscribers.set(event, current.filter((s) => s.name !== name) as Subscriber<never>[]);
  };
}

/** Stores the event and runs its subscribers inside the caller's transaction. */
export async function emit<N extends DomainEventName>(tx: DbOrTx, name: N, payload: DomainEventMap[N]) {
  const [row] = await tx
    .insert(domainEvents)
    .values({ committeeId: payload.committeeId, name, payload })
    .returning({ id: domainEvents.id });
  const event: StoredEvent<N> = { id: row!.id, name, payload };
  const handled: string[] = [];
  for (const s of (subscribers.get(name) ?? []) as Subscriber<N>[]) {
    await s.handle(tx, event);
    handled.push(s.name);
  }
  if (handled.length > 0)
    await tx.update(domainEvents).set({ handledBy: handled }).where(eq(domainEvents.id, row!.id));
  return event;
}

/** A module's handler of an event, listed in its manifest entry (modules/index.ts). */
export type EventSubscription<N extends DomainEventName = DomainEventName> = {
  [E in N]: { event: E; name: string; handle: (tx: DbOrTx, event: StoredEvent<E>) => Promise<void> };
}[N];

/** Declares a handler for a manifest entry, typed by its event. */
export const defineSubscription = <N extends DomainEventName>(
  event: N,
  name: string,
  handle: (tx: DbOrTx, event: StoredEvent<N>) => Promise<void>,
): EventSubscription<N> => ({ event, name, handle }) as EventSubscription<N>;

let installed: (() => void)[] = [];

/** Makes the manifest's handlers the ones `emit` runs (once per app; handlers subscribed by hand stay). */
export function installSubscriptions(list: readonly EventSubscription[]) {
  for (const off of installed) off();
  installed = list.map((s) => subscribe(s.event as DomainEventName, s.name, s.handle as never));
}
