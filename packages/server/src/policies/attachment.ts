import { definePolicy } from '../lib/policy';

/**
 * Attachments. Reading an attached file follows the owning record (see registerAttachmentOwner in
 * lib/storage.ts); these rules cover what does not depend on the owner.
 */
export const attachmentPolicy = definePolicy<{
  committeeId: number;
  uploadedBy: number;
  ownerType: string | null;
}>({
  resource: 'attachment',
  label: '附件',
  collection: ['upload'],
  abilities: {
    /** Any signed-in user of the committee may upload; the file stays private until attached. */
    upload: () => true,
    /** An unattached upload is visible to its uploader only. */
    readUnattached: (actor, a) => a.ownerType === null && a.uploadedBy === actor.userId,
    delete: (actor, a) => a.ownerType === null && a.uploadedBy === actor.userId,
  },
});
