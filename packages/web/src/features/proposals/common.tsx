import type { ReactNode } from 'react';
import { Tag } from 'antd';
import type { ProposalState } from '@cppcc/shared';
import { DownloadButton } from '../../components/DownloadButton';

const stateColors: Record<ProposalState, string> = {
  draft: 'default',
  cosigning: 'purple',
  submitted: 'blue',
  reviewing: 'geekblue',
  returned: 'orange',
  withdrawn: 'default',
  rejected: 'red',
  merged: 'cyan',
  accepted: 'green',
  assigned: 'processing',
  answered: 'gold',
  rehandling: 'volcano',
  closed: 'success',
};

export function StateTag({ state, label }: { state: ProposalState; label: string }) {
  return <Tag color={stateColors[state] ?? 'default'}>{label}</Tag>;
}

/** A download of the proposal documents routes: a Word document, or the proposal list as a workbook. */
export function DocumentButton(props: {
  path: string;
  query?: Record<string, string | number | undefined>;
  children: ReactNode;
}) {
  return (
    <DownloadButton {...props} fileName={props.path.endsWith('.xlsx') ? '提案列表.xlsx' : '提案.docx'} />
  );
}
