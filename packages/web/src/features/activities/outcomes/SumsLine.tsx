import { Typography } from 'antd';
import type { ActivityPage } from '../../../api/activities';

/**
 * The activity list's totals over every matching activity (not only the page shown): 合计参与群众 and,
 * for visits, 走访对象, so a figure that sums a column equals what its list shows.
 */
export function SumsLine({
  sums,
  category,
}: {
  sums: ActivityPage['sums'] | undefined;
  category: string | null;
}) {
  if (!sums) return null;
  const parts = [
    (sums.residentCount > 0 || category === 'grassroots') && `合计参与群众 ${sums.residentCount} 人次`,
    (sums.visitedCount > 0 || category === 'visit') && `走访对象 ${sums.visitedCount} 人次`,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
      {parts.join(' / ')}（按全部符合条件的活动合计）
    </Typography.Paragraph>
  );
}
