import type { FastifyRequest } from 'fastify';
import {
  importResultSchema,
  memberImportPlanSchema,
  listMembersQuerySchema,
  memberImportMaxBytes,
  memberInputSchema,
  memberUpdateSchema,
  memberViewSchema,
  policiesSchema,
} from '@cppcc/shared';
import { z } from 'zod';
import type { AppInstance } from '../../app';
import { AppError } from '../../lib/errors';
import { assertXlsx, datedFileName, sendXlsx, writeXlsx } from '../../lib/xlsx';
import { idParams } from './catalog';
import { serviceContext } from '../../lib/request-context';
import { importMembers, memberImportTemplate, previewMemberImport } from './member-import';
import {
  createMember,
  exportMembers,
  getMember,
  listMembers,
  memberExportColumns,
  presentMember,
  updateMember,
} from './member-service';
import { documentedAs } from '../../lib/api-docs';
import { getSettings } from '../../lib/settings';

const memberPage = z.object({
  items: z.array(memberViewSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  policies: policiesSchema,
});

const doc = documentedAs('members');
const importQuery = z
  .object({ update: z.enum(['true', 'false'], { error: 'update 应为 true 或 false' }).optional() })
  .strict();

export async function memberRoutes(app: AppInstance) {
  app.get(
    '/members',
    doc('委员列表', { querystring: listMembersQuerySchema, response: { 200: memberPage } }),
    async (req) => listMembers(serviceContext(req), req.query),
  );

  app.get(
    '/members/export',
    doc('导出委员名单', { querystring: listMembersQuerySchema }),
    async (req, reply) => {
      const ctx = serviceContext(req);
      const rows = await exportMembers(ctx, req.query);
      const { timeZone } = await getSettings(ctx.db, ctx.actor.committeeId);
      return sendXlsx(
        reply,
        datedFileName('委员名单', timeZone),
        await writeXlsx('委员名单', memberExportColumns, rows),
      );
    },
  );

  app.get('/members/import-template', doc('下载委员名单导入模板'), async (req, reply) =>
    sendXlsx(reply, '委员名单导入模板.xlsx', await memberImportTemplate(serviceContext(req))),
  );

  /** The uploaded roster, checked for type and size, or a Chinese refusal. */
  async function uploadedRoster(req: FastifyRequest) {
    if (!req.isMultipart()) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以表单文件（multipart/form-data）上传，字段名为 file');
    }
    const limit = Math.min(memberImportMaxBytes, app.deps.config.uploadMaxBytes);
    const file = await req.file({ limits: { fileSize: limit, files: 1 } });
    if (!file || file.fieldname !== 'file') {
      throw new AppError('VALIDATION_FAILED', '请选择要导入的文件（字段名 file）', {
        fields: [{ path: 'body.file', message: '请选择要导入的文件' }],
      });
    }
    if (!/\.xlsx$/i.test(file.filename)) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', '只支持 .xlsx 格式的 Excel 文件，请使用导入模板');
    }
    let content: Buffer;
    try {
      content = await file.toBuffer();
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
        throw new AppError('PAYLOAD_TOO_LARGE', `文件不能超过 ${Math.floor(limit / 1024 / 1024)} MB`);
      }
      throw error;
    }
    await assertXlsx(content);
    return { content, fileName: file.filename };
  }

  app.post(
    '/members/import/preview',
    doc(
      '预览导入委员名单：每行新增、更新（按手机号匹配已有委员，列出改动）或无变化，不写入（.xlsx，字段 file）',
      {
        response: { 200: memberImportPlanSchema },
      },
    ),
    async (req) => {
      const ctx = serviceContext(req);
      const { content } = await uploadedRoster(req);
      return previewMemberImport(ctx, content);
    },
  );

  app.post(
    '/members/import',
    doc('导入委员名单（.xlsx，字段 file）；update=true 时按手机号更新已有委员，否则已有手机号的行被拒绝', {
      querystring: importQuery,
      response: { 200: importResultSchema },
    }),
    async (req) => {
      const ctx = serviceContext(req);
      const { content, fileName } = await uploadedRoster(req);
      return importMembers(ctx, content, fileName, { updateExisting: req.query.update === 'true' });
    },
  );

  app.get(
    '/members/:id',
    doc('委员详情', { params: idParams, response: { 200: memberViewSchema } }),
    async (req) => {
      const ctx = serviceContext(req);
      return presentMember(ctx.actor, await getMember(ctx, req.params.id));
    },
  );

  app.post(
    '/members',
    doc('新增委员', { body: memberInputSchema, response: { 201: memberViewSchema } }),
    async (req, reply) => {
      const ctx = serviceContext(req);
      return reply.status(201).send(presentMember(ctx.actor, await createMember(ctx, req.body)));
    },
  );

  app.patch(
    '/members/:id',
    doc('修改委员', { params: idParams, body: memberUpdateSchema, response: { 200: memberViewSchema } }),
    async (req) => {
      const ctx = serviceContext(req);
      return presentMember(ctx.actor, await updateMember(ctx, req.params.id, req.body));
    },
  );
}
