import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AppConfig } from '../../env';
import type { Db } from '../../db/client';
import * as s from '../../db/schema';
import type { Person, VisibilityCase } from '../../../test/matrix';
import { buildMember, buildProposal, buildUnit } from '../../../test/factories';

/**
 * A proposal that still belongs to its proposers (a draft, or one collecting co-signatures), with a
 * file attached, and the people around it: who may read it and who must not even learn it exists.
 */
export async function privateProposal(
  db: Db,
  committeeId: number,
  config: Pick<AppConfig, 'uploadDir'>,
  state: 'draft' | 'cosigning',
) {
  const lead = await buildMember(db, committeeId);
  const co = await buildMember(db, committeeId);
  const other = await buildMember(db, committeeId);
  const unit = await buildUnit(db, committeeId);
  const proposal = await buildProposal(db, committeeId, {
    state,
    leadMemberId: lead.id,
    suggestedUnitIds: [unit.id],
    cosignDeadline: state === 'cosigning' ? new Date(Date.now() + 7 * 86_400_000) : null,
  });
  // A co-proposer named in a draft is invited only when the lead sends the invitations (request-cosign).
  await db.insert(s.proposalProposers).values({
    committeeId,
    proposalId: proposal.id,
    memberId: co.id,
    role: 'co',
    status: 'invited',
    sortOrder: 1,
    invitedAt: state === 'cosigning' ? new Date() : null,
  });
  const content = Buffer.from(`%PDF-1.4 ${proposal.title}`);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const storageKey = `objects/${sha256.slice(0, 2)}/${sha256}`;
  await mkdir(dirname(join(config.uploadDir, storageKey)), { recursive: true });
  await writeFile(join(config.uploadDir, storageKey), content);
  const [file] = await db
    .insert(s.attachments)
    .values({
      committeeId,
      fileName: '草稿附件.pdf',
      mimeType: 'application/pdf',
      size: content.length,
      sha256,
      storageKey,
      uploadedBy: proposal.createdBy,
      ownerType: 'proposal',
      ownerId: proposal.id,
    })
    .returning();
  const people = {
    lead: { label: '第一提案人', roles: ['member'], memberId: lead.id },
    co: {
      label: state === 'cosigning' ? '受邀联名人' : '已列入但尚未邀请的联名人',
      roles: ['member'],
      memberId: co.id,
    },
    other: { label: '其他委员', roles: ['member'], memberId: other.id },
    staff: { label: '提案工作人员', roles: ['proposalStaff'] },
    leader: { label: '主席会议成员', roles: ['leader'] },
    unit: { label: '建议承办单位', roles: ['unitHandler', 'unitHead'], unitId: unit.id },
  } satisfies Record<string, Person>;
  const readers: Person[] = state === 'cosigning' ? [people.lead, people.co] : [people.lead];
  const hidden: Person[] = [people.staff, people.leader, people.unit, people.other];
  if (state === 'draft') hidden.push(people.co);
  return { proposal, attachmentId: file!.id, readers, hidden };
}

/**
 * Matrix cases for a route that reads one private proposal: a draft and one collecting co-signatures.
 * `onlyStaffRoute` routes (similar titles) are refused to the proposers anyway, so no one reads there.
 */
export function privateProposalCases(
  urlOf: (ids: { proposalId: number; attachmentId: number }) => string,
  options: { proposersRead?: boolean } = {},
): VisibilityCase[] {
  return (['draft', 'cosigning'] as const).map((state) => ({
    name: state === 'draft' ? '草稿' : '联名征集中的提案',
    async build(db, committeeId, config) {
      const p = await privateProposal(db, committeeId, config, state);
      return {
        url: urlOf({ proposalId: p.proposal.id, attachmentId: p.attachmentId }),
        readers: options.proposersRead === false ? [] : p.readers,
        hidden: options.proposersRead === false ? p.hidden.filter((h) => !h.memberId) : p.hidden,
      };
    },
  }));
}
