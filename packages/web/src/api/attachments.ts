import type { AttachmentDto } from '@cppcc/shared';
import { uploadFile } from './client';

/** Uploads one file for a form; it stays the uploader's own until the record is saved with its id. */
export const uploadAttachment = (file: File) => uploadFile<AttachmentDto>('/api/attachments', file);
