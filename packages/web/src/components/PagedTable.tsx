import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { Button, Checkbox, Flex, Grid, Popover, Space, Table, Tooltip, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { dateTimeInZone, dayText } from '../app/timeZone';

const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });

/** A column of a shared list: `optional` columns start hidden and are shown from 列设置. */
export type ListColumn<T> = ColumnType<T> & { optional?: boolean };

const columnKey = <T,>(c: ColumnType<T>, i: number) =>
  String(c.key ?? (Array.isArray(c.dataIndex) ? c.dataIndex.join('.') : c.dataIndex) ?? i);

/** Columns the user shows or hides on a list, remembered per page in this browser. */
function useColumnChoice(storageKey: string) {
  const read = (): Record<string, boolean> => {
    try {
      return JSON.parse(localStorage.getItem(storageKey) ?? '{}') as Record<string, boolean>;
    } catch {
      return {};
    }
  };
  const [choice, setChoice] = useState<Record<string, boolean>>(read);
  const save = (next: Record<string, boolean>) => {
    setChoice(next);
    localStorage.setItem(storageKey, JSON.stringify(next));
  };
  return { choice, save };
}

/**
 * The table of one page of a list, in the shape staff know from admin systems: a toolbar row above it
 * (the page's own actions on the left — 新增, 批量 …, 导出 — and 刷新 and 列设置 on the right), a 序号
 * column, columns the user hides or shows again (列设置, `optional` ones start hidden), the page size
 * to choose, a page to jump to and the total below it; from 1200 px it fits its card without
 * scrolling sideways. Every module's list is this table, so every list gets these at once.
 */
export function PagedTable<T extends object>({
  list,
  page,
  pageSize,
  countWord = '条',
  actions,
  columns = [],
  numbered = true,
  ...table
}: Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination' | 'columns'> & {
  list: {
    data?: { items: T[]; total: number };
    isFetching: boolean;
    refetch?: () => unknown;
  };
  page: number;
  pageSize: number;
  /** The measure word of the total: 共 12 条. */
  countWord?: string;
  /** The list's own buttons, at the left of the toolbar. */
  actions?: ReactNode;
  columns?: ListColumn<T>[];
  /** A 序号 column first (lists whose rows are not records leave it out). */
  numbered?: boolean;
}) {
  const { pathname } = useLocation();
  // From 1200 px the table fits its card, long texts wrapping; narrower, it scrolls sideways in its
  // own focusable region rather than squeezing every column.
  const wide = Grid.useBreakpoint().xl === true;
  const { choice, save } = useColumnChoice(`list-columns:${pathname}`);
  const keyed = columns.map((c, i) => ({ column: c, key: columnKey(c, i) }));
  // The 操作 column and untitled ones (a selection, an icon) are always shown.
  const choosable = keyed.filter(({ column, key }) => key !== 'actions' && typeof column.title === 'string');
  const shown = (key: string, column: ListColumn<T>) => choice[key] ?? !column.optional;

  const visibleColumns = useMemo(() => {
    const out: ColumnType<T>[] = keyed
      .filter(({ column, key }) => key === 'actions' || shown(key, column))
      .map(({ column }) => {
        const { optional: _optional, ...rest } = column;
        // Fitting the card, texts wrap: no column is pinned or cut (either would fix the layout and
        // push the table past its card).
        if (!wide) return rest;
        // A date is read whole: its column is never broken inside a date or its heading.
        const dated = rest.render === dayText || rest.render === dateTimeInZone;
        return {
          ...rest,
          fixed: undefined,
          ellipsis: false,
          ...(dated && { onCell: nowrap, onHeaderCell: nowrap }),
        };
      });
    if (numbered)
      out.unshift({
        title: '序号',
        key: 'index',
        width: 64,
        align: 'center',
        render: (_v, _r, index) => (page - 1) * pageSize + index + 1,
      });
    return out;
    // `keyed` is rebuilt from `columns` on every render; the choice and the page are what change it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [columns, choice, numbered, page, pageSize, wide]);

  // A table wider than the screen scrolls sideways: keyboard users reach its hidden columns by
  // focusing the scrolling region (antd renders it without a tab stop).
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => {
    for (const region of frame.current?.querySelectorAll<HTMLElement>('.ant-table-content') ?? [])
      if (region.tabIndex < 0) region.tabIndex = 0;
  });

  const settings = (
    <Flex vertical gap={4} style={{ maxHeight: 320, overflowY: 'auto' }}>
      {choosable.map(({ column, key }) => (
        <Checkbox
          key={key}
          checked={shown(key, column)}
          onChange={(e) => save({ ...choice, [key]: e.target.checked })}
        >
          {column.title as string}
        </Checkbox>
      ))}
      <Button size="small" type="link" style={{ alignSelf: 'start', padding: 0 }} onClick={() => save({})}>
        恢复默认
      </Button>
    </Flex>
  );

  return (
    <div ref={frame}>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Space wrap>{actions}</Space>
        <Space size={4}>
          {list.refetch && (
            <Tooltip title="刷新">
              <Button
                aria-label="刷新"
                icon={<ReloadOutlined />}
                loading={list.isFetching}
                onClick={() => void list.refetch!()}
              />
            </Tooltip>
          )}
          {choosable.length > 3 && (
            <Popover trigger="click" placement="bottomRight" title="显示的列" content={settings}>
              <Tooltip title="列设置">
                <Button aria-label="列设置" icon={<SettingOutlined />} />
              </Tooltip>
            </Popover>
          )}
        </Space>
      </Flex>
      <Table<T>
        rowKey="id"
        size="middle"
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={wide ? undefined : { x: 'max-content' }}
        columns={visibleColumns}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showQuickJumper: true,
          showTotal: (total) => `共 ${total} ${countWord}`,
        }}
        {...table}
      />
    </div>
  );
}
