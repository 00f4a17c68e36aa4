import { useState, type Key } from 'react';
import { Grid } from 'antd';
import type { ProposalListItem } from '../../api/proposals';
import type { ProposalListProps } from './ProposalList';

/**
 * Rows picked across the pages of a proposal list for a batch step (交办会, 立案审查会): the list's
 * `selection` prop, the picked proposals, and `clear` once the batch went through. On a phone the list
 * shows cards without checkboxes, so `available` is false there and the batch buttons stay away.
 */
export function useListSelection(selectable: (row: ProposalListItem) => boolean) {
  const available = Grid.useBreakpoint().md !== false;
  const [keys, setKeys] = useState<Key[]>([]);
  const [rows, setRows] = useState<ProposalListItem[]>([]);
  const selection: NonNullable<ProposalListProps['selection']> = {
    selectedKeys: keys,
    onChange: (next, picked) => {
      setKeys(next);
      setRows(picked.filter(Boolean));
    },
    selectable,
  };
  return {
    available,
    selection,
    picked: rows.filter((r) => keys.includes(r.id)),
    clear: () => {
      setKeys([]);
      setRows([]);
    },
  };
}
