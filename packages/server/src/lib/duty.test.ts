import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useCommitteeApp } from '../../test/committee-app';
import { buildCommittee, buildMember } from '../../test/factories';
import { dutyRecords } from '../db/schema';
import { dutyKinds, type DutyKind } from '@cppcc/shared';
import { recordDuty, withdrawDuty, type DutyFact } from './duty';

const t = useCommitteeApp();

const recordsOf = (memberId: number) =>
  t.database.db.select().from(dutyRecords).where(eq(dutyRecords.memberId, memberId)).orderBy(dutyRecords.id);

async function fact(overrides: Partial<DutyFact> = {}): Promise<DutyFact> {
  const memberId = overrides.memberId ?? (await buildMember(t.database.db, t.committeeId)).id;
  return {
    committeeId: t.committeeId,
    memberId,
    kind: 'proposal.accepted',
    sourceType: 'proposal',
    sourceId: 11,
    role: 'lead',
    ...overrides,
  };
}

describe('recordDuty', () => {
  it('records a fact once per member, kind, source and role', async () => {
    const f = await fact({ occurredOn: new Date('2025-02-01T08:00:00Z'), detail: { number: '第0023号' } });
    const first = await recordDuty(t.database.db, f);
    expect(first).toMatchObject({
      memberId: f.memberId,
      kind: 'proposal.accepted',
      role: 'lead',
      detail: { number: '第0023号' },
    });
    expect(await recordDuty(t.database.db, f)).toBeNull();
    expect(await recordsOf(f.memberId)).toHaveLength(1);
    // A different role, kind or source is a different fact.
    await recordDuty(t.database.db, { ...f, role: 'co' });
    await recordDuty(t.database.db, { ...f, kind: 'proposal.submitted', role: undefined });
    await recordDuty(t.database.db, { ...f, sourceId: 12 });
    const rows = await recordsOf(f.memberId);
    expect(rows.map((r) => [r.kind, r.sourceId, r.role])).toEqual([
      ['proposal.accepted', 11, 'lead'],
      ['proposal.accepted', 11, 'co'],
      ['proposal.submitted', 11, ''],
      ['proposal.accepted', 12, 'lead'],
    ]);
  });

  it('does not duplicate under parallel calls', async () => {
    const f = await fact({ kind: 'activity.attended', sourceType: 'activity', sourceId: 5, role: undefined });
    const results = await Promise.all(Array.from({ length: 8 }, () => recordDuty(t.database.db, f)));
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(await recordsOf(f.memberId)).toHaveLength(1);
  });
});

describe('withdrawDuty', () => {
  it('withdraws the facts of a reversed source, optionally one kind or member, and counts them', async () => {
    const a = await fact({ sourceId: 21 });
    const b = await fact({ sourceId: 21, role: 'co' });
    await recordDuty(t.database.db, a);
    await recordDuty(t.database.db, { ...a, kind: 'proposal.submitted' });
    await recordDuty(t.database.db, b);
    const other = await fact({ sourceId: 22 });
    await recordDuty(t.database.db, other);

    expect(
      await withdrawDuty(t.database.db, {
        committeeId: t.committeeId,
        sourceType: 'proposal',
        sourceId: 21,
        kind: 'proposal.submitted',
      }),
    ).toBe(1);
    expect(
      await withdrawDuty(t.database.db, {
        committeeId: t.committeeId,
        sourceType: 'proposal',
        sourceId: 21,
        memberId: b.memberId,
      }),
    ).toBe(1);
    expect(
      await withdrawDuty(t.database.db, { committeeId: t.committeeId, sourceType: 'proposal', sourceId: 21 }),
    ).toBe(1);
    // Already withdrawn facts are not counted again.
    expect(
      await withdrawDuty(t.database.db, { committeeId: t.committeeId, sourceType: 'proposal', sourceId: 21 }),
    ).toBe(0);
    const [kept] = await recordsOf(other.memberId);
    expect(kept!.withdrawnAt).toBeNull();
    expect((await recordsOf(a.memberId)).every((r) => r.withdrawnAt !== null)).toBe(true);
  });

  it('does not touch another committee’s facts with the same source', async () => {
    const otherCommittee = (await buildCommittee(t.database.db)).id;
    const member = await buildMember(t.database.db, otherCommittee);
    await recordDuty(t.database.db, {
      committeeId: otherCommittee,
      memberId: member.id,
      kind: 'opinion.adopted',
      sourceType: 'opinion',
      sourceId: 3,
    });
    expect(
      await withdrawDuty(t.database.db, { committeeId: t.committeeId, sourceType: 'opinion', sourceId: 3 }),
    ).toBe(0);
    const [row] = await recordsOf(member.id);
    expect(row!.withdrawnAt).toBeNull();
  });

  it('re-records a withdrawn fact when its source is reinstated, keeping one row', async () => {
    const f = await fact({ sourceId: 31 });
    const first = await recordDuty(t.database.db, f);
    await withdrawDuty(t.database.db, { committeeId: t.committeeId, sourceType: 'proposal', sourceId: 31 });
    const again = await recordDuty(t.database.db, f);
    expect(again).toMatchObject({ id: first!.id, withdrawnAt: null });
    const rows = await t.database.db
      .select()
      .from(dutyRecords)
      .where(and(eq(dutyRecords.memberId, f.memberId), eq(dutyRecords.sourceId, 31)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.withdrawnAt).toBeNull();
  });
});

describe('the duty kind catalogue', () => {
  it('refuses a kind it does not list, and a role or level the kind cannot have', async () => {
    const f = await fact();
    const attempts: [Partial<DutyFact>, RegExp][] = [
      [{ kind: 'proposal.liked' as DutyKind }, /未登记的履职类型：proposal\.liked/],
      [{ kind: 'proposal.accepted', role: 'observer' }, /不能记录角色“observer”/],
      [{ kind: 'proposal.accepted', level: 'city' }, /不能记录级别“city”/],
      [{ kind: 'opinion.adopted', role: undefined, level: 'galaxy' }, /不能记录级别“galaxy”/],
    ];
    for (const [overrides, message] of attempts)
      await expect(recordDuty(t.database.db, { ...f, ...overrides })).rejects.toThrow(message);
    expect(await recordsOf(f.memberId)).toEqual([]);
  });

  it('lists the kinds the proposal workflow records, with the lead and co roles', () => {
    for (const kind of [
      'proposal.submitted',
      'proposal.accepted',
      'proposal.key',
      'proposal.excellent',
    ] as const)
      expect(dutyKinds[kind]).toMatchObject({ module: 'proposal', roles: ['lead', 'co'] });
    expect(dutyKinds['opinion.adopted'].leveled).toBe(true);
  });
});
