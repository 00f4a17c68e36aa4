import { RecordSelect } from '../../components/RecordSelect';

/** Searchable member picker backed by the member list (name, pinyin, initials, phone ending, sector or group). */
export function MemberSelect(props: {
  value?: number | null;
  onChange?: (v: number | null) => void;
  initialLabel?: string | null;
  id?: string;
}) {
  return (
    <RecordSelect
      {...props}
      endpoint="/api/members"
      placeholder="输入姓名、拼音、首字母或手机尾号"
      notFoundContent="没有匹配的委员"
      describe={(m) => (m.sectorName ? `${m.name}（${String(m.sectorName)}）` : m.name)}
    />
  );
}
