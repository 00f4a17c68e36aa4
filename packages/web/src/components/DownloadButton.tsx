import { useState, type ReactNode } from 'react';
import { Button } from 'antd';
import { downloadFile } from '../api/client';
import { showError } from '../app/notifier';
import { errorText } from './CommandModal';

type Query = Record<string, string | number | undefined>;

/** Downloads a file of the API, reporting failures as a message. */
export async function download(path: string, query: Query | undefined, fileName: string) {
  try {
    await downloadFile(path, query, fileName);
  } catch (error) {
    showError(errorText(error));
  }
}

/** A button that downloads a file (an export, a document) and spins while it does. */
export function DownloadButton(props: {
  path: string;
  query?: Query;
  /** The name to save under when the answer names none. */
  fileName: string;
  icon?: ReactNode;
  children: ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={props.icon}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        await download(props.path, props.query, props.fileName);
        setBusy(false);
      }}
    >
      {props.children}
    </Button>
  );
}
