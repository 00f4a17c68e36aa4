import { RecordSelect } from '../../components/RecordSelect';

/** Searchable member picker backed by the member list (by name or phone). */
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
      placeholder="输入姓名或手机号搜索"
      describe={(m) => (m.employer ? `${m.name}（${String(m.employer)}）` : m.name)}
    />
  );
}
