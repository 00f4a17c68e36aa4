import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as s from '../../db/schema';
import { expectCloseOnlyWithReason, useProposalWorld, walkProposal } from './proposal-world.fixture';
import { runProposalReminders } from './reminders';

const { t, w, call } = useProposalWorld();
const days = (n: number) => new Date(Date.now() + n * 86_400_000);
/** Unit A leads, unit B co-handles (read inside the tests: the world is filled before them). */
const withCoUnitB = () => ({
  units: [
    { unitId: w.units.a.id, role: 'lead' as const },
    { unitId: w.units.b.id, role: 'co' as const },
  ],
});

const unsignedNotices = async (proposalId: number) =>
  (
    await w.db
      .select()
      .from(s.notifications)
      .where(
        and(
          eq(s.notifications.kind, 'proposal.coUnitUnsigned'),
          eq(s.notifications.link, `/proposals/${proposalId}`),
        ),
      )
  ).filter((n) => n.userId === w.users.staff.userId);

describe('a co-unit that never signs', () => {
  it('is brought to the staff once at the end of the signing window, not before, and not once signed', async () => {
    const unsigned = await walkProposal(t, w, 'assigned', withCoUnitB());
    const signed = await walkProposal(t, w, 'assigned', withCoUnitB());
    expect((await call(w.users.handlerB, 'POST', `/proposals/${signed.id}/acknowledge`, {})).status).toBe(
      200,
    );
    await runProposalReminders(w.db, days(3));
    expect(await unsignedNotices(unsigned.id)).toHaveLength(0);
    await runProposalReminders(w.db, days(8));
    await runProposalReminders(w.db, days(9));
    const notices = await unsignedNotices(unsigned.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.title).toContain('协办单位逾期未签收（县财政局）');
    expect(await unsignedNotices(signed.id)).toHaveLength(0);
  });

  it('keeps the proposal from being closed by staff without a reason', async () => {
    const p = await walkProposal(t, w, 'answered', withCoUnitB());
    await expectCloseOnlyWithReason(t, w, p.id, '协办单位县财政局尚未签收，办结须写明理由');
  });
});
