import { useState } from 'react';
import { Select } from 'antd';
import { useCoProposerCandidates } from '../api/proposals';

export interface MemberOption {
  id: number;
  name: string;
  sector?: string;
}

/**
 * Several members picked among the co-proposer candidates, found by name, pinyin, initials, sector or
 * group (not by phone: members cannot read the others' phones).
 */
export function MemberMultiSelect(props: {
  value?: number[];
  onChange?: (ids: number[]) => void;
  excludeId?: number | null;
  initial?: MemberOption[];
  id?: string;
}) {
  const [q, setQ] = useState('');
  const [known, setKnown] = useState<MemberOption[]>(props.initial ?? []);
  // Names and sectors of active members the caller may invite (the server leaves the caller out).
  const list = useCoProposerCandidates(q);
  const found = (list.data?.items ?? []).filter((m) => m.id !== props.excludeId);
  const byId = new Map<number, MemberOption>([...known, ...found].map((m) => [m.id, m]));
  const options = [...byId.values()].map((m) => ({
    value: m.id,
    label: m.sector ? `${m.name}（${m.sector}）` : m.name,
  }));
  return (
    <Select
      id={props.id}
      mode="multiple"
      allowClear
      value={props.value ?? []}
      onChange={(ids: number[]) => {
        setKnown([...byId.values()].filter((m) => ids.includes(m.id)));
        props.onChange?.(ids);
      }}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder="输入姓名、拼音、首字母或界别"
      options={options}
      loading={list.isFetching}
      notFoundContent={q ? (list.isFetching ? '搜索中…' : '没有匹配的委员') : '请输入姓名、拼音或首字母'}
    />
  );
}
