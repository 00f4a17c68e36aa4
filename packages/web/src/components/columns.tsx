import { Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { Option } from '../api/resources';

export const yesNo = (value: unknown) => (value ? <Tag color="green">是</Tag> : <Tag>否</Tag>);

export const activeTag = (value: unknown) => (value ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>);

/** Dates in the committee's zone, in the one format of the platform (app/timeZone.ts). */
export { dayText as dateText, dateTimeInZone as dateTimeText } from '../app/timeZone';

/** Name of an id from an option list, falling back to a name the record already carries. */
export function nameOf(options: Option[] | undefined, id: unknown, fallback?: unknown): string {
  if (typeof fallback === 'string' && fallback) return fallback;
  if (id === null || id === undefined) return '';
  return options?.find((o) => o.id === id)?.name ?? '';
}

export const booleanFilterOptions = [
  { value: 'true', label: '是' },
  { value: 'false', label: '否' },
];

export const activeFilterOptions = [
  { value: 'true', label: '启用' },
  { value: 'false', label: '停用' },
];

/**
 * A column of one field of the record. A `sorted` column is sorted by the server: its `key` (the field's
 * name unless given) is sent as `sort`.
 */
export function fieldColumn<T>(
  name: keyof T & string,
  title: string,
  more: ColumnType<T> & { sorted?: boolean } = {},
): ColumnType<T> {
  const { sorted, ...column } = more;
  return { title, dataIndex: name, key: name, ...(sorted ? { sorter: true } : {}), ...column };
}

/** The option of `fieldColumn` of a column the server sorts by. */
export const sorted = { sorted: true } as const;
