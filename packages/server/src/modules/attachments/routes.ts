import { z } from 'zod';
import { attachmentSchema, idParams } from '@cppcc/shared';
import type { AppInstance } from '../../app';
import { AppError } from '../../lib/errors';
import { serviceContext } from '../../lib/request-context';
import { contentDisposition, openStoredFile, storedFileExists, storeUpload } from '../../lib/storage';
import { deleteAttachment, findReadableAttachment, recordUpload } from './service';
import { documentedAs } from '../../lib/api-docs';

const doc = documentedAs('attachments');

export async function attachmentRoutes(app: AppInstance) {
  app.post(
    '/attachments',
    doc('上传附件（multipart 字段 file；关联到记录前仅上传者可见）', {
      consumes: ['multipart/form-data'],
      response: { 201: attachmentSchema },
    }),
    async (req, reply) => {
      if (!req.isMultipart()) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 方式上传文件（字段名 file）');
      }
      const part = await req.file().catch((error: { statusCode?: number }) => {
        // busboy reports a malformed request (no boundary, cut body) as a plain Error: the client's fault.
        if (error instanceof AppError || (error.statusCode && error.statusCode < 500)) throw error;
        throw new AppError('BAD_REQUEST', '上传格式不正确，请重新上传');
      });
      if (!part || part.fieldname !== 'file') {
        part?.file.resume();
        throw new AppError('BAD_REQUEST', '请选择要上传的文件（字段名 file）');
      }
      const { db, actor, config } = serviceContext(req);
      const stored = await storeUpload(config, part.file, part.filename);
      return reply.status(201).send(await recordUpload(db, actor, stored));
    },
  );

  app.get('/attachments/:id/download', doc('下载附件', { params: idParams }), async (req, reply) => {
    const { db, actor, config } = serviceContext(req);
    const row = await findReadableAttachment(db, actor, req.params.id);
    if (!(await storedFileExists(config, row.storageKey)))
      throw new AppError('NOT_FOUND', '附件文件已丢失，请联系管理员');
    return reply
      .header('content-type', row.mimeType)
      .header('content-length', row.size)
      .header('content-disposition', contentDisposition(row.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(openStoredFile(config, row.storageKey));
  });

  app.delete(
    '/attachments/:id',
    doc('删除未关联的附件（仅上传者）', { params: idParams, response: { 204: z.null().describe('已删除') } }),
    async (req, reply) => {
      const { db, actor, config } = serviceContext(req);
      await deleteAttachment(db, config, actor, req.params.id);
      return reply.status(204).send(null);
    },
  );
}
