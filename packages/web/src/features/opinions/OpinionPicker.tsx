import { useState } from 'react';
import { Select } from 'antd';
import { useOpinionList, type ListParams, type OpinionListItem } from '../../api/opinions';

/** Several opinions of a list picked by searching their titles; those already picked keep their names. */
export function OpinionPicker(props: {
  value?: number[];
  onChange?: (ids: number[]) => void;
  id?: string;
  /** The list searched (view, state). */
  params: ListParams;
  /** Narrows the list further (not the record itself, only open ones …). */
  accept?: (item: OpinionListItem) => boolean;
  initial?: { id: number; title: string }[];
  placeholder: string;
  emptyText: string;
}) {
  const [q, setQ] = useState('');
  const list = useOpinionList({ ...props.params, q: q || undefined, pageSize: 50 });
  const [known, setKnown] = useState(() => new Map((props.initial ?? []).map((a) => [a.id, a.title])));
  const labels = new Map(known);
  for (const a of list.data?.items ?? [])
    if (props.accept?.(a) ?? true) labels.set(a.id, `${a.title}（${a.submitterName}）`);
  return (
    <Select
      id={props.id}
      mode="multiple"
      value={props.value ?? []}
      onChange={(ids: number[]) => {
        setKnown(new Map([...labels].filter(([id]) => ids.includes(id))));
        props.onChange?.(ids);
      }}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={props.placeholder}
      loading={list.isFetching}
      options={[...labels].map(([value, label]) => ({ value, label }))}
      notFoundContent={list.isFetching ? '搜索中…' : props.emptyText}
    />
  );
}
