import { eq } from 'drizzle-orm';
import {
  committeeSettingsSchema,
  defaultSettings,
  settingsShape,
  type CommitteeSettings,
  type SettingKey,
} from '@cppcc/shared';
import type { DbOrTx } from '../db/client';
import { committees } from '../db/schema';
import { diffFields, writeAudit } from './audit';
import type { Actor } from './actor';
import { notFound } from './errors';

/**
 * Merges what a committee stored over the defaults, key by key. A stored value that no longer
 * validates (the schema grew stricter) falls back to its default instead of breaking every caller.
 */
export function mergeSettings(stored: Record<string, unknown> | null | undefined): CommitteeSettings {
  // The same stored settings always merge to the same result: kept, frozen, for the next read.
  const key = JSON.stringify(stored ?? null);
  const kept = mergedSettings.get(key);
  if (kept) return kept;
  const merged = deepFreeze(validatedMerge(stored));
  mergedSettings.set(key, merged);
  if (mergedSettings.size > 500) mergedSettings.delete(mergedSettings.keys().next().value!);
  return merged;
}

const mergedSettings = new Map<string, CommitteeSettings>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function validatedMerge(stored: Record<string, unknown> | null | undefined): CommitteeSettings {
  const merged: Record<string, unknown> = structuredClone(defaultSettings);
  for (const key of Object.keys(settingsShape) as SettingKey[]) {
    if (!stored || !(key in stored)) continue;
    const parsed = settingsShape[key].safeParse(stored[key]);
    if (parsed.success) merged[key] = parsed.data;
  }
  const whole = committeeSettingsSchema.safeParse(merged);
  return whole.success ? whole.data : structuredClone(defaultSettings);
}

/** The configuration of one committee, defaults included. Modules call this for limits, lists and deadlines. */
export async function getSettings(db: DbOrTx, committeeId: number): Promise<CommitteeSettings> {
  const [row] = await db
    .select({ settings: committees.settings })
    .from(committees)
    .where(eq(committees.id, committeeId));
  if (!row) throw notFound('政协组织');
  return mergeSettings(row.settings);
}

/** Replaces the actor's committee configuration and audits the changed keys with before/after values. */
export async function updateSettings(db: DbOrTx, actor: Actor, input: CommitteeSettings) {
  const before = await getSettings(db, actor.committeeId);
  await db.update(committees).set({ settings: input }).where(eq(committees.id, actor.committeeId));
  const changes = diffFields(
    before as unknown as Record<string, unknown>,
    input as unknown as Record<string, unknown>,
  );
  await writeAudit(db, actor, {
    action: 'settings.update',
    targetType: 'committee',
    targetId: actor.committeeId,
    summary:
      Object.keys(changes).length === 0
        ? '保存系统设置（无变化）'
        : `修改系统设置：${Object.keys(changes).join('、')}`,
    changes,
  });
  return mergeSettings(input);
}
