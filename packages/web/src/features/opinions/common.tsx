import { Tag } from 'antd';
import {
  dutyLevelLabels,
  forwardingChannelLabels,
  forwardingStateLabels,
  opinionStateLabels,
  opinionSubmitterTypeLabels,
  type ForwardingState,
  type OpinionState,
} from '@cppcc/shared';
import { options } from '../../components/schemaFields';
import { thisYear } from '../../app/timeZone';

const stateColors: Record<OpinionState, string> = {
  draft: 'default',
  submitted: 'blue',
  editing: 'geekblue',
  returned: 'orange',
  withdrawn: 'default',
  adopted: 'green',
  combined: 'cyan',
  archived: 'default',
};

export function OpinionStateTag({ state, label }: { state: OpinionState; label: string }) {
  return <Tag color={stateColors[state] ?? 'default'}>{label}</Tag>;
}

const forwardingColors: Record<ForwardingState, string> = {
  forwarded: 'blue',
  acknowledged: 'geekblue',
  answered: 'gold',
  returned: 'orange',
  accepted: 'green',
};

export function ForwardingStateTag({ state, label }: { state: ForwardingState; label: string }) {
  return <Tag color={forwardingColors[state] ?? 'default'}>{label}</Tag>;
}

/** Select options of the opinion vocabularies. */
export const opinionStateOptions = options(opinionStateLabels);
export const submitterTypeOptions = options(opinionSubmitterTypeLabels);
export const levelOptions = options(dutyLevelLabels);
export const forwardingStateOptions = options(forwardingStateLabels);
export const channelOptions = options(forwardingChannelLabels);

/** The years a year filter offers: this one and the four before. */
export const recentYears = () => {
  const now = thisYear();
  return Array.from({ length: 5 }, (_, i) => ({ value: String(now - i), label: `${now - i}年` }));
};
