import { Link } from 'react-router';
import { Alert, Calendar, Flex } from 'antd';
import dayjs from 'dayjs';
import { useActivityList, type ActivityListItem } from '../../api/activities';
import { dateText, dateTimeText } from '../../components/columns';

/**
 * The month's activities on their start days (in the committee's zone). The calendar asks for the
 * whole month at once; a month with more than a page of activities says so.
 */
export function ActivityCalendar(props: {
  month: string;
  filters: Record<string, string>;
  onMonth: (month: string) => void;
}) {
  const first = dayjs(`${props.month}-01`);
  const pageSize = 200;
  const list = useActivityList({
    ...props.filters,
    view: 'all',
    from: first.format('YYYY-MM-DD'),
    to: first.endOf('month').format('YYYY-MM-DD'),
    sort: 'startsAt',
    order: 'asc',
    page: 1,
    pageSize,
  });
  const byDay = new Map<string, ActivityListItem[]>();
  for (const a of list.data?.items ?? []) {
    const day = dateText(a.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), a]);
  }

  return (
    <>
      {(list.data?.total ?? 0) > pageSize && (
        <Alert
          type="warning"
          showIcon
          title={`本月活动超过 ${pageSize} 项，日历只显示前 ${pageSize} 项，请用列表查看全部`}
        />
      )}
      <Calendar
        // Today is the marked day of its own month; another month marks its first.
        value={dayjs().format('YYYY-MM') === props.month ? dayjs() : first}
        onPanelChange={(d, mode) => mode === 'month' && props.onMonth(d.format('YYYY-MM'))}
        onSelect={(d, info) => info.source !== 'date' && props.onMonth(d.format('YYYY-MM'))}
        cellRender={(d, info) => {
          if (info.type !== 'date') return info.originNode;
          const day = byDay.get(d.format('YYYY-MM-DD')) ?? [];
          if (day.length === 0) return null;
          return (
            <Flex vertical gap={2}>
              {day.map((a) => (
                <Link
                  key={a.id}
                  to={`/activities/${a.id}`}
                  title={`${dateTimeText(a.startsAt).slice(11)} ${a.topic}（${a.stateLabel}）`}
                  style={{
                    fontSize: 12,
                    whiteSpace: 'nowrap',
                    overflow: 'hidden',
                    textOverflow: 'ellipsis',
                    textDecoration: a.state === 'cancelled' ? 'line-through' : undefined,
                  }}
                >
                  {dateTimeText(a.startsAt).slice(11)} {a.topic}
                </Link>
              ))}
            </Flex>
          );
        }}
      />
    </>
  );
}
