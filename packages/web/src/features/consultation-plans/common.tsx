import { Tag } from 'antd';
import type { ConsultationPlanState, PlanItemProgress } from '@cppcc/shared';
import { thisYear } from '../../app/timeZone';

/** Colours and words of the plan's page: states, progress, quarters. */

const stateColors: Record<ConsultationPlanState, string> = {
  draft: 'default',
  submitted: 'orange',
  approved: 'green',
};

export function PlanStateTag({ state, label }: { state: ConsultationPlanState; label: string }) {
  return <Tag color={stateColors[state]}>{label}</Tag>;
}

export const progressColors: Record<PlanItemProgress, string> = {
  done: 'green',
  inProgress: 'blue',
  notStarted: 'default',
};

export function ProgressTag({ progress, label }: { progress: PlanItemProgress; label: string }) {
  return <Tag color={progressColors[progress]}>{label}</Tag>;
}

export const quarterNames = ['第一季度', '第二季度', '第三季度', '第四季度'] as const;
export const quarterOptions = quarterNames.map((label, i) => ({ value: i + 1, label }));
export const quarterName = (quarter: number) => quarterNames[quarter - 1] ?? `第${quarter}季度`;

/** The years the year picker offers: next year, this one and the four before. */
export const planYearOptions = () => {
  const now = thisYear();
  return Array.from({ length: 6 }, (_, i) => now + 1 - i).map((y) => ({ value: y, label: `${y}年` }));
};
