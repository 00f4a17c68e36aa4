import { useQueryClient } from '@tanstack/react-query';
import type { ImportResult, ImportRowIssue, MemberImportPlan } from '@cppcc/shared';
import { ApiError, downloadFile, uploadFile } from './client';

/** The roster import of the member pages: the template, the upload, and a refused file's row report. */
export type { ImportResult, ImportRowIssue, MemberImportPlan };

export const downloadMemberImportTemplate = () =>
  downloadFile('/api/members/import-template', undefined, '委员导入模板.xlsx');

/** The row problems of a refused import (IMPORT_FAILED), or null for any other failure. */
export function importRowIssues(error: unknown): ImportRowIssue[] | null {
  if (!(error instanceof ApiError) || error.code !== 'IMPORT_FAILED') return null;
  const rows = (error.details as { rows?: unknown } | undefined)?.rows;
  return Array.isArray(rows) ? (rows as ImportRowIssue[]) : null;
}

/** What importing a roster would do, row by row; nothing is written. */
export const previewMemberImport = (file: File) =>
  uploadFile<MemberImportPlan>('/api/members/import/preview', file);

/**
 * Imports a roster, updating the members it matches by phone (as its preview showed); on success the
 * member lists and the select options are fetched again.
 */
export function useMemberImport() {
  const queryClient = useQueryClient();
  return async (file: File) => {
    const result = await uploadFile<ImportResult>('/api/members/import?update=true', file);
    void queryClient.invalidateQueries({ queryKey: ['/api/members'] });
    void queryClient.invalidateQueries({ queryKey: ['/api/organisation/options'] });
    return result;
  };
}
