import { RecordSelect } from '../../../components/RecordSelect';

/** A member picker whose value is the address's string id; `id` comes from its form item's label. */
export function MemberFilter(props: {
  id?: string;
  value?: string;
  onChange?: (v: string | undefined) => void;
  initialLabel?: string;
  width: number | string;
}) {
  return (
    <div style={{ width: props.width }}>
      <RecordSelect
        id={props.id}
        endpoint="/api/members"
        placeholder="输入姓名、拼音或首字母"
        notFoundContent="没有匹配的委员"
        value={props.value ? Number(props.value) : null}
        initialLabel={props.initialLabel ?? null}
        onChange={(v) => props.onChange?.(v === null ? undefined : String(v))}
      />
    </div>
  );
}
