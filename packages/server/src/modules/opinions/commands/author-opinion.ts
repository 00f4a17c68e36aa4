import { and, eq, notInArray } from 'drizzle-orm';
import type { CommitteeSettings, CreateOpinionInput, UpdateOpinionInput } from '@cppcc/shared';
import type { DbOrTx } from '../../../db/client';
import { opinionCoauthors, opinions, organisationProposers } from '../../../db/schema';
import { hasRole, type ServiceContext } from '../../../lib/actor';
import { writeAudit } from '../../../lib/audit';
import { forbidden, invalidField } from '../../../lib/errors';
import { authorize, collectionOf } from '../../../lib/policy';
import { bindAttachments, checkMembers } from '../../../lib/references';
import { getSettings } from '../../../lib/settings';
import { appendTimeline } from '../../../lib/timeline';
import { columnsEqual } from '../../../lib/where';
import type { OpinionRow } from '../access';
import { opinionCommand } from '../workflow';

/** The committee's rules on an opinion's text: its category list and its length limit (一事一报). */
export function checkOpinionText(
  settings: CommitteeSettings,
  input: { category?: string; content?: string },
  path = 'body',
) {
  if (input.category !== undefined && !settings.opinionCategories.includes(input.category))
    throw invalidField(`${path}.category`, `类别应为：${settings.opinionCategories.join('、')}`);
  if (input.content !== undefined && [...input.content].length > settings.opinionContentLimit)
    throw invalidField(
      `${path}.content`,
      `内容不超过 ${settings.opinionContentLimit} 个字（现 ${[...input.content].length} 字），一事一报`,
    );
}

/** Replaces the invited co-authors of a draft; those who already answered keep their answer. */
async function setCoauthors(db: DbOrTx, ctx: ServiceContext, opinion: OpinionRow, memberIds: number[]) {
  const ids = [...new Set(memberIds)].filter((id) => id !== opinion.leadMemberId);
  if (ids.length > 0 && opinion.leadMemberId === null)
    throw invalidField('body.coauthorMemberIds', '只有委员本人报送的信息可以邀请联名');
  await checkMembers(db, ctx.actor.committeeId, ids, 'body.coauthorMemberIds');
  await db
    .delete(opinionCoauthors)
    .where(
      and(
        eq(opinionCoauthors.opinionId, opinion.id),
        ids.length > 0 ? notInArray(opinionCoauthors.memberId, ids) : undefined,
      ),
    );
  if (ids.length > 0)
    await db
      .insert(opinionCoauthors)
      .values(
        ids.map((memberId, i) => ({
          committeeId: opinion.committeeId,
          opinionId: opinion.id,
          memberId,
          sortOrder: i + 1,
        })),
      )
      .onConflictDoNothing();
}

/** A member (or an organisation's convener, or an information liaison) writes a new opinion: a draft. */
export async function createOpinion(
  ctx: ServiceContext,
  input: CreateOpinionInput & { sourceProposalId?: number },
) {
  authorize(ctx.actor, 'create', 'opinions', collectionOf(ctx.actor));
  const { actor } = ctx;
  return ctx.db.transaction(async (tx) => {
    const settings = await getSettings(tx, actor.committeeId);
    checkOpinionText(settings, input);
    let submitterType: 'member' | 'organisation' | 'liaison' = actor.memberId !== null ? 'member' : 'liaison';
    if (submitterType === 'liaison' && !hasRole(actor, 'infoLiaison'))
      throw forbidden('只有委员和特邀信息员可以报送信息');
    if (input.organisationProposerId) {
      const [org] = await tx
        .select()
        .from(organisationProposers)
        .where(
          columnsEqual(organisationProposers, {
            id: input.organisationProposerId,
            committeeId: actor.committeeId,
          }),
        );
      if (!org) throw invalidField('body.organisationProposerId', '报送单位不存在');
      if (actor.memberId === null || org.convenerMemberId !== actor.memberId)
        throw forbidden(`只有“${org.name}”的召集人可以以其名义报送信息`);
      submitterType = 'organisation';
    }
    const [row] = await tx
      .insert(opinions)
      .values({
        committeeId: actor.committeeId,
        title: input.title,
        category: input.category,
        content: input.content,
        submitterType,
        submittedBy: actor.userId,
        leadMemberId: actor.memberId,
        organisationProposerId: input.organisationProposerId ?? null,
        sourceProposalId: input.sourceProposalId ?? null,
      })
      .returning();
    const opinion = row!;
    await setCoauthors(tx, ctx, opinion, input.coauthorMemberIds);
    const attachmentIds = await bindAttachments(
      tx,
      actor,
      input.attachmentIds,
      { type: 'opinion', id: opinion.id },
      'body.attachmentIds',
    );
    if (attachmentIds.length > 0)
      await tx.update(opinions).set({ attachmentIds }).where(eq(opinions.id, opinion.id));
    await appendTimeline(tx, actor, {
      recordType: 'opinion',
      recordId: opinion.id,
      action: 'create',
      toState: 'draft',
    });
    await writeAudit(tx, actor, {
      action: 'opinion.create',
      targetType: 'opinion',
      targetId: opinion.id,
      summary: `起草社情民意信息：${opinion.title}`,
    });
    return { ...opinion, attachmentIds };
  });
}

/** The author changes a draft (or a returned opinion): text, co-authors, attachments. */
export const updateOpinion = opinionCommand('update', async (step, input: UpdateOpinionInput) => {
  const { tx, ctx, record, settings } = step;
  checkOpinionText(settings, input);
  if (input.coauthorMemberIds !== undefined) await setCoauthors(tx, ctx, record, input.coauthorMemberIds);
  const attachmentIds =
    input.attachmentIds === undefined
      ? undefined
      : await bindAttachments(
          tx,
          ctx.actor,
          input.attachmentIds,
          { type: 'opinion', id: record.id },
          'body.attachmentIds',
        );
  const patch = {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.category !== undefined ? { category: input.category } : {}),
    ...(input.content !== undefined ? { content: input.content } : {}),
    ...(attachmentIds !== undefined ? { attachmentIds } : {}),
  };
  return { patch, changes: Object.keys(patch) };
});
