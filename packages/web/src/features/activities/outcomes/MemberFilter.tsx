import { RecordSelect } from '../../../components/RecordSelect';

/** A member picker whose value is the address's string id. */
export function MemberFilter(props: {
  value?: string;
  onChange?: (v: string | undefined) => void;
  initialLabel?: string;
  width: number | string;
}) {
  return (
    <div style={{ width: props.width }}>
      <RecordSelect
        endpoint="/api/members"
        placeholder="输入姓名搜索"
        value={props.value ? Number(props.value) : null}
        initialLabel={props.initialLabel ?? null}
        onChange={(v) => props.onChange?.(v === null ? undefined : String(v))}
      />
    </div>
  );
}
