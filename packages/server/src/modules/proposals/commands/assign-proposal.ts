import { formatProposalNumber, unitRoleLabels, type unitRoles } from '@cppcc/shared';
import { proposalUnits } from '../../../db/schema';
import type { ServiceContext } from '../../../lib/actor';
import { invalidField } from '../../../lib/errors';
import { addDays, addMonths, checkUnits, endOfChinaDay } from '../helpers';
import { link, notifyMembers, notifyUnits } from '../recipients';
import { inOneTransaction, proposalCommand } from '../workflow';
import { columnsEqual } from '../../../lib/where';

export interface AssignInput {
  units: { unitId: number; role: (typeof unitRoles)[number] }[];
  deadline?: string;
  version?: number;
}

/**
 * 交办: one lead unit (主办) with co-units (协办), or several separate units (分办, each answers).
 * On an assigned proposal the same command fills slots that units declined (退办).
 */
export const assignProposal = proposalCommand(
  'assign',
  async ({ tx, proposal, from, settings, now }, input: AssignInput) => {
    const ids = input.units.map((u) => u.unitId);
    if (new Set(ids).size !== ids.length) throw invalidField('body.units', '同一单位不能重复交办');
    const found = await checkUnits(tx, proposal.committeeId, ids, 'body.units');
    const active = await tx
      .select()
      .from(proposalUnits)
      .where(columnsEqual(proposalUnits, { proposalId: proposal.id, active: true }));
    const clash = active.find((a) => ids.includes(a.unitId));
    if (clash) throw invalidField('body.units', '该单位已在办理此提案');
    const all = [...active.map((a) => a.role), ...input.units.map((u) => u.role)];
    const leads = all.filter((r) => r === 'lead').length;
    const separate = all.filter((r) => r === 'separate').length;
    if (separate > 0 && separate !== all.length)
      throw invalidField('body.units', '分办不能与主办、协办同时使用');
    if (separate === 0 && leads !== 1) throw invalidField('body.units', '主办单位必须且只能有一个');

    const maxDeadline = addMonths(proposal.assignedAt ?? now, settings.maxExtensionMonths);
    const deadline = input.deadline
      ? endOfChinaDay(input.deadline)
      : addMonths(now, settings.handlingDeadlineMonths);
    if (deadline <= now) throw invalidField('body.deadline', '办理期限应晚于今天');
    if (deadline > maxDeadline)
      throw invalidField('body.deadline', `办理期限不能超过交办后 ${settings.maxExtensionMonths} 个月`);
    await tx.insert(proposalUnits).values(
      input.units.map((u) => ({
        committeeId: proposal.committeeId,
        proposalId: proposal.id,
        unitId: u.unitId,
        role: u.role,
        assignedAt: now,
        acknowledgeBy: addDays(now, settings.acknowledgeWindowDays),
        deadline,
      })),
    );
    await notifyUnits(tx, proposal.committeeId, ids, {
      kind: 'proposal.assigned',
      title: `新交办提案${formatProposalNumber(proposal.number)}：${proposal.title}`,
      body: `请在 ${settings.acknowledgeWindowDays} 天内签收或退办`,
      link: link(proposal.id),
    });
    if (from === 'accepted') {
      await notifyMembers(tx, proposal.committeeId, [proposal.leadMemberId], {
        kind: 'proposal.assignedToUnits',
        title: `提案已交办：${proposal.title}`,
        link: link(proposal.id),
      });
    }
    const names = input.units.map(
      (u) => `${found.find((f) => f.id === u.unitId)!.name}（${unitRoleLabels[u.role]}）`,
    );
    return {
      patch:
        from === 'accepted'
          ? { assignedAt: now, deadline, assignmentMode: separate > 0 ? 'separate' : 'lead' }
          : {},
      note: names.join('、'),
    };
  },
);

/** 交办会: many proposals assigned in one step, all or none. */
export const batchAssign = (
  ctx: ServiceContext,
  input: {
    items: { proposalId: number; units: AssignInput['units']; version?: number }[];
    deadline?: string;
  },
) =>
  inOneTransaction(ctx, input.items, async (itemCtx, item) => {
    const { proposal } = await assignProposal(itemCtx, item.proposalId, {
      units: item.units,
      deadline: input.deadline,
      version: item.version,
    });
    return proposal;
  });
