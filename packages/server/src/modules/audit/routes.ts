import type { FastifyRequest } from 'fastify';
import {
  auditPageSchema,
  exportAuditLogQuery,
  listAuditLogQuery,
  roleLabels,
  type Role,
} from '@cppcc/shared';
import type { AppInstance } from '../../app';
import { writeAudit } from '../../lib/audit';
import { AppError, forbidden } from '../../lib/errors';
import { can, collectionOf } from '../../lib/policy';
import { serviceContext } from '../../lib/request-context';
import { sendXlsx } from '../../lib/xlsx';
import { writeAuditWorkbook } from './export';
import { listAuditLog, maxExportRows, selectAuditForExport } from './service';
import { documentedAs } from '../../lib/api-docs';

/**
 * The audit log is append-only: entries are written by lib/audit.ts inside the transaction of the
 * change, and this module offers reading and exporting only. No route or module updates or
 * deletes audit_log rows; append-only.test.ts scans the source to keep it so.
 */
function auditorContext(req: FastifyRequest, ability: 'read' | 'export') {
  const ctx = serviceContext(req);
  if (!can(ctx.actor, ability, 'auditLog', collectionOf(ctx.actor)))
    throw forbidden('只有安全审计员可以查看审计日志');
  return ctx;
}

const doc = documentedAs('audit');

export async function auditRoutes(app: AppInstance) {
  app.get(
    '/audit-log',
    doc('审计日志（最新在前）', { querystring: listAuditLogQuery, response: { 200: auditPageSchema } }),
    async (req) => {
      const { db, actor } = auditorContext(req, 'read');
      return listAuditLog(db, actor, req.query);
    },
  );

  app.get(
    '/audit-log/export',
    doc('导出审计日志（xlsx）', { querystring: exportAuditLogQuery }),
    async (req, reply) => {
      const { db, actor } = auditorContext(req, 'export');
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
      return sendXlsx(reply, `审计日志-${day}.xlsx`, workbook);
    },
  );
}
