/** Abilities the server sent with a record (`policies: {canUpdate: true, …}`); the UI never recomputes them. */
export type Policies = Record<string, boolean>;

export function usePolicy(record: { policies?: Policies } | null | undefined): (ability: string) => boolean {
  const policies = record?.policies ?? {};
  return (ability: string) =>
    policies[ability.startsWith('can') ? ability : `can${ability[0]?.toUpperCase()}${ability.slice(1)}`] ===
    true;
}

/** Non-hook variant for table cells. */
export function allowed(record: { policies?: Policies } | null | undefined, ability: string): boolean {
  return record?.policies?.[ability] === true;
}
