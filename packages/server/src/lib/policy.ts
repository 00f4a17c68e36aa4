import type { Actor } from './actor';
import { AppError, notFound } from './errors';

/** A rule answers one ability for one actor and, for record abilities, one record. */
export type Rule<R> = (actor: Actor, record: R) => boolean;

export interface ResourcePolicy<R extends { committeeId: number } = { committeeId: number }> {
  resource: string;
  /** Chinese name used in refusal messages. */
  label: string;
  abilities: Record<string, Rule<R>>;
  /**
   * Abilities judged on the committee alone (pages, menus, create buttons): they travel with
   * `/api/auth/me` as `resource.ability` (see collectionAbilities).
   */
  collection?: readonly string[];
}

const registry = new Map<string, ResourcePolicy>();

/** Declares the rules of one resource, typed by its access facts; a module's manifest lists it. */
export const definePolicy = <R extends { committeeId: number }>(
  policy: ResourcePolicy<R>,
): ResourcePolicy<R> => policy;

/**
 * Makes the policies of the modules' manifest the rules `can` answers by (modules/index.ts, once per
 * app). A resource whose policy is not installed has no abilities: asking for one is a programming error.
 */
export function installPolicies(policies: readonly ResourcePolicy<never>[]) {
  registry.clear();
  for (const policy of policies) registry.set(policy.resource, policy as unknown as ResourcePolicy);
}

function lookup(resource: string): ResourcePolicy {
  const policy = registry.get(resource);
  if (!policy) throw new Error(`no policy for ${resource}`);
  return policy;
}

/** True when the actor may perform `ability` on the record. Records of other committees are never allowed. */
export function can<R extends { committeeId: number }>(
  actor: Actor,
  ability: string,
  resource: string,
  record: R,
): boolean {
  const policy = lookup(resource);
  const rule = policy.abilities[ability];
  if (!rule) throw new Error(`policy ${resource} has no ability ${ability}`);
  return record.committeeId === actor.committeeId && rule(actor, record);
}

/**
 * Throws unless allowed. A record of another committee, or one the actor may not even read,
 * is reported as not found so that ids of other tenants leak nothing.
 */
export function authorize<R extends { committeeId: number }>(
  actor: Actor,
  ability: string,
  resource: string,
  record: R,
): void {
  if (can(actor, ability, resource, record)) return;
  const policy = lookup(resource);
  const readable = 'read' in policy.abilities && can(actor, 'read', resource, record);
  if (record.committeeId !== actor.committeeId || !readable) throw notFound(policy.label);
  throw new AppError('FORBIDDEN', `没有权限对该${policy.label}执行此操作`);
}

/** Abilities sent with the data so the UI shows only allowed actions: `{ canUpdate: true, … }`. */
export function presentPolicies<R extends { committeeId: number }>(
  actor: Actor,
  resource: string,
  record: R,
): Record<string, boolean> {
  const policy = lookup(resource);
  const out: Record<string, boolean> = {};
  for (const ability of Object.keys(policy.abilities)) {
    out[`can${ability[0]!.toUpperCase()}${ability.slice(1)}`] = can(actor, ability, resource, record);
  }
  return out;
}

/** The committee scope of a collection: abilities such as `list` and `create` are checked against it. */
export const collectionOf = (actor: Actor) => ({ committeeId: actor.committeeId });

/** Declares a policy whose every ability is judged on the committee alone (see `collection`). */
export function defineCollectionPolicy<R extends { committeeId: number } = { committeeId: number }>(
  policy: Omit<ResourcePolicy<R>, 'collection'>,
): ResourcePolicy<R> {
  return definePolicy({ ...policy, collection: Object.keys(policy.abilities) });
}

/**
 * Every collection ability of every registered policy, keyed `resource.ability`, for the actor in
 * `scope` (their own committee unless told): what the web's menus, route guards and buttons read.
 */
export function collectionAbilities(
  actor: Actor,
  scope: { committeeId: number } = collectionOf(actor),
): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const policy of registry.values()) {
    for (const ability of policy.collection ?? []) {
      out[`${policy.resource}.${ability}`] = can(actor, ability, policy.resource, scope);
    }
  }
  return out;
}
