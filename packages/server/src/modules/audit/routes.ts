import { z } from 'zod';
import { exportAuditLogQuery, listAuditLogQuery, roleLabels, type Role } from '@cppcc/shared';
import type { AppInstance } from '../../app';
import type { Actor } from '../../lib/actor';
import { writeAudit } from '../../lib/audit';
import { AppError, forbidden } from '../../lib/errors';
import { can, collectionOf } from '../../lib/policy';
import { contentDisposition } from '../../lib/storage';
import { writeAuditWorkbook } from './export';
import './home';
import { listAuditLog, maxExportRows, selectAuditForExport } from './service';

/**
 * The audit log is append-only: entries are written by lib/audit.ts inside the transaction of the
 * change, and this module offers reading and exporting only. No route or module updates or
 * deletes audit_log rows; append-only.test.ts scans the source to keep it so.
 */
const auditEntryResponse = z.object({
  id: z.number(),
  createdAt: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  summary: z.string(),
  changes: z.unknown(),
});
const auditPageResponse = z.object({
  items: z.array(auditEntryResponse),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

function requireAuditor(actor: Actor, ability: 'read' | 'export') {
  if (!can(actor, ability, 'auditLog', collectionOf(actor)))
    throw forbidden('只有安全审计员可以查看审计日志');
}

export async function auditRoutes(app: AppInstance) {
  const { db } = app.deps.database;

  app.get(
    '/audit-log',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志（最新在前）',
        querystring: listAuditLogQuery,
        response: { 200: auditPageResponse },
      },
    },
    async (req) => {
      requireAuditor(req.actor!, 'read');
      return listAuditLog(db, req.actor!, req.query);
    },
  );

  app.get(
    '/audit-log/export',
    { schema: { tags: ['audit'], summary: '导出审计日志（xlsx）', querystring: exportAuditLogQuery } },
    async (req, reply) => {
      const actor = req.actor!;
      requireAuditor(actor, 'export');
      const rows = await selectAuditForExport(db, actor, req.query);
      if (rows.length > maxExportRows) {
        throw new AppError('BAD_REQUEST', `符合条件的记录超过 ${maxExportRows} 条，请缩小日期范围后分批导出`);
      }
      const workbook = await writeAuditWorkbook(rows, (role) => roleLabels[role as Role] ?? role);
      await writeAudit(db, actor, {
        action: 'audit.export',
        targetType: 'auditLog',
        summary: `导出审计日志 ${rows.length} 条`,
        changes: { filters: req.query },
      });
      const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(`审计日志-${day}.xlsx`))
        .header('cache-control', 'no-store')
        .send(workbook);
    },
  );
}
