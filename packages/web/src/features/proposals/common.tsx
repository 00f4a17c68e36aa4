import { useState, type ReactNode } from 'react';
import { Button, Tag } from 'antd';
import type { ProposalState } from '@cppcc/shared';
import { downloadFile } from '../../api/client';
import { showError } from '../../app/notifier';
import { errorText } from '../../components/CommandModal';

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

/** Downloads a document of the documents routes, reporting failures as a message. */
export async function download(path: string, query?: Record<string, string | number | undefined>) {
  try {
    await downloadFile(path, query, path.endsWith('.xlsx') ? '提案列表.xlsx' : '提案.docx');
  } catch (error) {
    showError(errorText(error));
  }
}

export function DownloadButton({
  path,
  children,
  query,
}: {
  path: string;
  children: ReactNode;
  query?: Record<string, string | number | undefined>;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      loading={busy}
      onClick={async () => {
        setBusy(true);
        await download(path, query);
        setBusy(false);
      }}
    >
      {children}
    </Button>
  );
}
