import type { MenuEntry } from './menu';

/** Where a page sits in the menu: the entry it belongs to, and whether it is that entry's own page. */
export interface Section {
  entry: MenuEntry;
  /** The page is the entry's own list or page; otherwise it is a page under it (a record, a form). */
  own: boolean;
}

/**
 * The menu entry a page belongs to, from the route data alone, so a new module's pages get it by
 * their route line: the entry whose path is the page's own; else, for a page that names the lists it
 * belongs to (`within`), the one the user came from when it is among them, otherwise the first the
 * user's menu holds; else the entry whose path is the longest prefix of the page's.
 */
export function sectionOf(
  entries: MenuEntry[],
  pathname: string,
  within: readonly string[] | undefined,
  cameFrom: string | undefined,
): Section | undefined {
  const own = entries.find((e) => e.path === pathname);
  if (own) return { entry: own, own: true };
  if (within) {
    const from = cameFrom && within.includes(cameFrom) ? entries.find((e) => e.path === cameFrom) : undefined;
    const entry = from ?? within.map((path) => entries.find((e) => e.path === path)).find(Boolean);
    if (entry) return { entry, own: false };
  }
  let best: MenuEntry | undefined;
  for (const e of entries) {
    if (e.path !== '/' && pathname.startsWith(`${e.path}/`) && (!best || e.path.length > best.path.length))
      best = e;
  }
  return best ? { entry: best, own: false } : undefined;
}
