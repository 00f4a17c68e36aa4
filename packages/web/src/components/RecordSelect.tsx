import { useState } from 'react';
import { Select } from 'antd';
import { useResourceList } from '../api/resources';

interface Named {
  id: number;
  name: string;
  [key: string]: unknown;
}

/** Searchable picker over a list endpoint (`q` search, first 20 matches). */
export function RecordSelect(props: {
  endpoint: string;
  value?: number | null;
  onChange?: (v: number | null) => void;
  initialLabel?: string | null;
  describe?: (item: Named) => string;
  placeholder?: string;
  /** What an empty search result says, e.g. 没有匹配的委员. */
  notFoundContent?: string;
  id?: string;
}) {
  const [q, setQ] = useState('');
  const list = useResourceList<Named>(props.endpoint, { q: q || undefined, pageSize: 20, page: 1 });
  const options = (list.data?.items ?? []).map((item) => ({
    value: item.id,
    label: props.describe ? props.describe(item) : item.name,
  }));
  if (props.value && props.initialLabel && !options.some((o) => o.value === props.value)) {
    options.unshift({ value: props.value, label: props.initialLabel });
  }
  return (
    <Select
      id={props.id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={props.placeholder ?? '输入名称搜索'}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      options={options}
      loading={list.isFetching}
      notFoundContent={list.isFetching ? '搜索中…' : (props.notFoundContent ?? '没有匹配的记录')}
    />
  );
}
