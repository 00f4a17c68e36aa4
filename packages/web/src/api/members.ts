import { useQueryClient } from '@tanstack/react-query';
import type { ImportResult, ImportRowIssue } from '@cppcc/shared';
import { ApiError, downloadFile, uploadFile } from './client';

/** The roster import of the member pages: the template, the upload, and a refused file's row report. */
export type { ImportResult, ImportRowIssue };

export const downloadMemberImportTemplate = () =>
  downloadFile('/api/members/import-template', undefined, '委员导入模板.xlsx');

/** The row problems of a refused import (IMPORT_FAILED), or null for any other failure. */
export function importRowIssues(error: unknown): ImportRowIssue[] | null {
  if (!(error instanceof ApiError) || error.code !== 'IMPORT_FAILED') return null;
  const rows = (error.details as { rows?: unknown } | undefined)?.rows;
  return Array.isArray(rows) ? (rows as ImportRowIssue[]) : null;
}

/** Uploads a roster; on success the member lists and the select options are fetched again. */
export function useMemberImport() {
  const queryClient = useQueryClient();
  return async (file: File) => {
    const result = await uploadFile<ImportResult>('/api/members/import', file);
    void queryClient.invalidateQueries({ queryKey: ['/api/members'] });
    void queryClient.invalidateQueries({ queryKey: ['/api/organisation/options'] });
    return result;
  };
}
