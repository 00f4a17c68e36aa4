import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { MatrixEntry } from '../../../test/matrix';
import { buildUser } from '../../../test/factories';
import type { Db } from '../../db/client';
import { privateProposalCases } from '../proposals/private-proposals.fixture';
import { attachments } from '../../db/schema';

/** An unattached upload of a user of committee B (the stored bytes are not needed to be refused). */
async function foreignAttachment(db: Db, committeeBId: number) {
  const user = await buildUser(db, committeeBId, ['member']);
  const sha256 = randomBytes(32).toString('hex');
  const [row] = await db
    .insert(attachments)
    .values({
      committeeId: committeeBId,
      fileName: '外委附件.pdf',
      mimeType: 'application/pdf',
      size: 10,
      sha256,
      storageKey: `objects/${sha256.slice(0, 2)}/${sha256}`,
      uploadedBy: user.id,
    })
    .returning();
  const snapshot = async (d: Db) => d.select().from(attachments).where(eq(attachments.id, row!.id));
  return { id: row!.id, snapshot };
}

export const matrix: MatrixEntry[] = [
  // An upload creates a private file of the caller in the caller's own committee; there is no foreign target.
  { route: 'POST /api/attachments', selfOnly: true },
  {
    route: 'GET /api/attachments/:id/download',
    crossCommittee: {
      roles: ['leader', 'proposalStaff', 'member'],
      async foreign(db, b) {
        const { id } = await foreignAttachment(db, b);
        return { url: `/api/attachments/${id}/download` };
      },
    },
    // A proposal's file follows the proposal: a draft's attachment is its proposers' alone.
    visibility: privateProposalCases(({ attachmentId }) => `/api/attachments/${attachmentId}/download`),
  },
  {
    route: 'DELETE /api/attachments/:id',
    crossCommittee: {
      roles: ['leader', 'proposalStaff', 'member'],
      async foreign(db, b) {
        const { id, snapshot } = await foreignAttachment(db, b);
        return { url: `/api/attachments/${id}`, snapshot };
      },
    },
  },
];
