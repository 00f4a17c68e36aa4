import { Space, Tag, Tooltip, Typography } from 'antd';
import type { AssignmentHint } from '../../api/search';

const percent = (confidence: number) => `${Math.round(confidence * 100)}%`;
const learned = '根据本会以往提案的交办和立案自动推荐，仅供参考';

/** The lead unit suggested for a proposal: the proposer's own suggestion first, else the likeliest learned one. */
export function suggestedLead(hint: AssignmentHint | undefined) {
  const proposer = hint?.proposerSuggested[0];
  if (proposer) return { id: proposer.id, source: '提案人建议' };
  const best = hint?.units[0];
  return best ? { id: best.id, source: `系统建议 ${percent(best.confidence)}` } : undefined;
}

/** 建议承办单位: the likeliest units with their confidence, each a click that picks it. */
export function UnitHints({
  hint,
  onPick,
}: {
  hint: AssignmentHint | undefined;
  onPick: (unitId: number) => void;
}) {
  if (!hint || (hint.units.length === 0 && hint.proposerSuggested.length === 0)) return null;
  return (
    <Space wrap size={4} style={{ marginBottom: 12 }}>
      {hint.proposerSuggested.length > 0 && (
        <Typography.Text type="secondary">
          提案人建议：{hint.proposerSuggested.map((u) => u.name).join('、')}
        </Typography.Text>
      )}
      {hint.units.length > 0 && (
        <Tooltip title={learned}>
          <Typography.Text type="secondary">系统建议主办：</Typography.Text>
        </Tooltip>
      )}
      {hint.units.map((u) => (
        <Tag.CheckableTag key={u.id} checked={false} onChange={() => onPick(u.id)}>
          {u.name} {percent(u.confidence)}
        </Tag.CheckableTag>
      ))}
    </Space>
  );
}

/** 建议类别: the likeliest category, a click that takes it. */
export function CategoryHint({
  hint,
  current,
  onPick,
}: {
  hint: AssignmentHint | undefined;
  current?: string;
  onPick: (category: string) => void;
}) {
  const best = hint?.categories[0];
  if (!best) return null;
  return (
    <Tooltip title={learned}>
      <Tag.CheckableTag checked={best.category === current} onChange={() => onPick(best.category)}>
        建议：{best.category} {percent(best.confidence)}
      </Tag.CheckableTag>
    </Tooltip>
  );
}
