import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The audit log is append-only by construction rather than by database grants (which PGlite and a
 * plain PostgreSQL install would not share): no source file may update, delete or truncate it.
 * This scan fails the build the moment one does.
 */
const srcDir = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx|mjs|js|sql)$/.test(entry.name) && !entry.name.endsWith('append-only.test.ts')
      ? [path]
      : [];
  });
}

const forbiddenPatterns: RegExp[] = [
  /\.(update|delete)\(\s*(schema\.|s\.)?auditLog\b/,
  /\b(update|delete\s+from|truncate(\s+table)?)\s+["'`]?(public\.)?["'`]?audit_log\b/i,
  /\bdrop\s+table\s+(if\s+exists\s+)?["'`]?(public\.)?["'`]?audit_log\b/i,
];

export function findAuditWrites(text: string): string[] {
  return text.split('\n').filter((line) => forbiddenPatterns.some((re) => re.test(line)));
}

describe('audit log is append-only', () => {
  it('recognises the statements it forbids (the scan itself can fail)', () => {
    expect(findAuditWrites('await tx.update(auditLog).set({ summary: "x" })')).toHaveLength(1);
    expect(findAuditWrites('await db.delete(schema.auditLog).where(...)')).toHaveLength(1);
    expect(findAuditWrites('sql`DELETE FROM audit_log WHERE id = 1`')).toHaveLength(1);
    expect(findAuditWrites('UPDATE "audit_log" SET summary = 1')).toHaveLength(1);
    expect(findAuditWrites('TRUNCATE audit_log')).toHaveLength(1);
    expect(findAuditWrites('await db.insert(auditLog).values(entry)')).toHaveLength(0);
    expect(findAuditWrites('db.select().from(auditLog)')).toHaveLength(0);
  });

  it('no server source file or migration updates, deletes or truncates audit_log', () => {
    const files = sourceFiles(srcDir);
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.flatMap((file) =>
      findAuditWrites(readFileSync(file, 'utf8')).map((line) => `${relative(srcDir, file)}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });
});
