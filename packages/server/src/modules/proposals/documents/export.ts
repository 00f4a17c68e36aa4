import {
  formatDay,
  satisfactionBasisLabels,
  satisfactionLabels,
  unitRoleLabels,
  type SatisfactionBasis,
} from '@cppcc/shared';
import type { XlsxColumn } from '../../../lib/xlsx';
import type { listProposals } from '../queries';

export type ExportItem = Awaited<ReturnType<typeof listProposals>>['items'][number];

const selection = { none: '', nominated: '已提名', approved: '是' } as Record<string, string>;

/** Each proposer's latest rating of a proposal, by name, as the export lists them. */
export interface ExportRatings {
  /** The proposal's rating on a 件 basis (the lead proposer's, or the lowest), when it has one. */
  proposal: Map<number, string>;
  /** Every proposer's, `张三：满意；李四：基本满意`, for the 人次 basis. */
  proposers: Map<number, string>;
}

/**
 * The list's columns: dates in the committee's zone; satisfaction on the committee's basis, its
 * header saying which (a row of a list per rating, 人次, carries that rater's rating).
 */
export const exportColumns = (
  timeZone: string,
  basis: SatisfactionBasis,
  ratings: ExportRatings,
): XlsxColumn<ExportItem>[] => {
  const day = (iso: string | null) => (iso ? formatDay(iso, timeZone) : '');
  const satisfaction = (p: ExportItem) => {
    if (p.rater)
      return `${p.rater.name}：${satisfactionLabels[p.rater.satisfaction as keyof typeof satisfactionLabels] ?? p.rater.satisfaction}`;
    return (basis === 'proposer' ? ratings.proposers : ratings.proposal).get(p.id) ?? '';
  };
  return [
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
        // Listed 主办 first (queries.ts orders them).
        p.units
          .map((u) => `${u.name}（${unitRoleLabels[u.role as keyof typeof unitRoleLabels] ?? u.role}）`)
          .join('、'),
      width: 40,
    },
    { header: '答复类别', value: (p) => p.answerCategory ?? '' },
    { header: `满意度（${satisfactionBasisLabels[basis]}）`, value: satisfaction, width: 30 },
    { header: '重点提案', value: (p) => selection[p.keyStatus] ?? '' },
    { header: '优秀提案', value: (p) => selection[p.excellentStatus] ?? '' },
    { header: '提交日期', value: (p) => day(p.submittedAt) },
    { header: '办理期限', value: (p) => day(p.deadline) },
    { header: '是否超期', value: (p) => (p.overdue ? '超期' : '') },
  ];
};
