import { useState, type ReactNode } from 'react';
import { Alert, Button, Card } from 'antd';
import { useSimilarToRecord, type SimilarItem, type SimilarKind, type SimilarResult } from '../api/search';
import { SimilarList } from './SimilarList';

/** What a dialog opened from a similar item is given: its open state, as WorkflowActions gives one. */
export interface SimilarActionDialog {
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}

/**
 * Records of every year like one record, for the staff working on it: ranked, with a warning about
 * copies and likely duplicates, and one step per item (并案, 综合采用) that opens its command's dialog.
 */
export function SimilarRecordsCard(props: {
  kind: SimilarKind;
  id: number;
  title: string;
  empty: string;
  /** The warning above the list, or null when there is nothing to warn of. */
  warning: (items: SimilarResult['items']) => { type: 'error' | 'warning'; text: string } | null;
  actionLabel: string;
  canAct: (item: SimilarItem) => boolean;
  dialog: (item: SimilarItem, state: SimilarActionDialog) => ReactNode;
}) {
  const similar = useSimilarToRecord(props.kind, props.id);
  const [target, setTarget] = useState<{ item: SimilarItem; open: boolean } | null>(null);
  const items = similar.data?.items ?? [];
  const warning = props.warning(items);
  return (
    <Card title={props.title} size="small" loading={similar.isPending}>
      {warning && <Alert type={warning.type} showIcon style={{ marginBottom: 8 }} title={warning.text} />}
      <SimilarList
        items={items}
        empty={props.empty}
        action={(i) =>
          props.canAct(i) ? (
            <Button size="small" onClick={() => setTarget({ item: i, open: true })}>
              {props.actionLabel}
            </Button>
          ) : null
        }
      />
      {target &&
        props.dialog(target.item, {
          open: target.open,
          onClose: () => setTarget({ ...target, open: false }),
          afterClose: () => setTarget(null),
        })}
    </Card>
  );
}
