import { describe, expect, it } from 'vitest';
import { ApiError, apiUrl, fieldIssues, fileNameFrom } from './client';

describe('api client helpers', () => {
  it('leaves empty query values out and repeats arrays', () => {
    expect(apiUrl('/api/members', { page: 1, q: '', sectorId: undefined, status: null, ids: [1, 2] })).toBe(
      '/api/members?page=1&ids=1&ids=2',
    );
    expect(apiUrl('/api/members')).toBe('/api/members');
    expect(apiUrl('/api/members', { q: '张 三' })).toBe('/api/members?q=%E5%BC%A0+%E4%B8%89');
  });

  it('reads the download name the server gives, Chinese included', () => {
    expect(
      fileNameFrom(
        `attachment; filename="x.xlsx"; filename*=UTF-8''${encodeURIComponent('委员名单.xlsx')}`,
        'f',
      ),
    ).toBe('委员名单.xlsx');
    expect(fileNameFrom('attachment; filename="members.xlsx"', 'f')).toBe('members.xlsx');
    expect(fileNameFrom(null, '导出.xlsx')).toBe('导出.xlsx');
  });

  it('takes field problems from any error that carries them', () => {
    const fields = [{ path: 'body.name', message: '界别名称“中共”已存在' }];
    expect(fieldIssues(new ApiError(409, 'DUPLICATE', '重复', { fields }))).toEqual(fields);
    expect(fieldIssues(new ApiError(400, 'VALIDATION_FAILED', '有误'))).toEqual([]);
    expect(fieldIssues(new Error('x'))).toEqual([]);
  });
});
