import { unitRoleLabels } from '@cppcc/shared';
import type { XlsxColumn } from '../../../lib/xlsx';
import type { listProposals } from '../queries';

type Item = Awaited<ReturnType<typeof listProposals>>['items'][number];

/** Dates in the committee's time zone, as staff write them. */
const day = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return d.toISOString().slice(0, 10);
};
const selection = { none: '', nominated: '已提名', approved: '是' } as Record<string, string>;

export const exportColumns: XlsxColumn<Item>[] = [
  { header: '提案号', value: (p) => p.numberLabel },
  { header: '案由', value: (p) => p.title, width: 50 },
  { header: '类别', value: (p) => p.category },
  {
    header: '提案类型',
    value: (p) => (p.kind === 'session' ? '大会提案' : p.kind === 'regular' ? '平时提案' : ''),
  },
  {
    header: '提案人',
    value: (p) => (p.organisationName ? `${p.organisationName}（${p.leadMemberName}）` : p.leadMemberName),
  },
  { header: '会议', value: (p) => p.sessionName },
  { header: '状态', value: (p) => p.stateLabel },
  {
    header: '承办单位',
    value: (p) =>
      p.units
        .map((u) => `${u.name}（${unitRoleLabels[u.role as keyof typeof unitRoleLabels] ?? u.role}）`)
        .join('、'),
    width: 40,
  },
  { header: '答复类别', value: (p) => p.answerCategory ?? '' },
  { header: '重点提案', value: (p) => selection[p.keyStatus] ?? '' },
  { header: '优秀提案', value: (p) => selection[p.excellentStatus] ?? '' },
  { header: '提交日期', value: (p) => day(p.submittedAt) },
  { header: '办理期限', value: (p) => day(p.deadline) },
  { header: '是否超期', value: (p) => (p.overdue ? '超期' : '') },
];
