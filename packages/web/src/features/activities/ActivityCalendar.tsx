import { Link, useSearchParams } from 'react-router';
import { Alert, Button, Calendar, Card, Flex, Segmented, Tag, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useActivityList, type ActivityListItem } from '../../api/activities';
import { dateText, dateTimeText } from '../../components/columns';

const pageSize = 200;
const weekdays = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** The Monday of a day's week (weeks start on Monday, as calendars here do). */
const mondayOf = (d: Dayjs) => d.subtract((d.day() + 6) % 7, 'day').startOf('day');

/** The activities of `from`…`to` (days in the committee's zone), grouped by their start day. */
function useActivitiesByDay(filters: Record<string, string>, from: Dayjs, to: Dayjs) {
  const list = useActivityList({
    ...filters,
    view: 'all',
    from: from.format('YYYY-MM-DD'),
    to: to.format('YYYY-MM-DD'),
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
  return { byDay, total: list.data?.total ?? 0 };
}

const timeOf = (a: ActivityListItem) => dateTimeText(a.startsAt).slice(11);

function ActivityLink({ a, wrap = false }: { a: ActivityListItem; wrap?: boolean }) {
  return (
    <Link
      to={`/activities/${a.id}`}
      title={`${timeOf(a)} ${a.topic}（${a.stateLabel}）`}
      style={{
        fontSize: 12,
        ...(wrap ? {} : { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }),
        textDecoration: a.state === 'cancelled' ? 'line-through' : undefined,
      }}
    >
      {timeOf(a)} {a.topic}
    </Link>
  );
}

const TooMany = ({ total, span }: { total: number; span: string }) =>
  total > pageSize ? (
    <Alert
      type="warning"
      showIcon
      title={`${span}活动超过 ${pageSize} 项，日历只显示前 ${pageSize} 项，请用列表查看全部`}
    />
  ) : null;

/**
 * The activities on their start days (in the committee's zone), by month or by week (`calendar=week`
 * and `week=<Monday>` in the address). Each view asks for its whole span at once.
 */
export function ActivityCalendar(props: {
  month: string;
  filters: Record<string, string>;
  onMonth: (month: string) => void;
}) {
  const [searchParams, setSearchParams] = useSearchParams();
  const byWeek = searchParams.get('calendar') === 'week';
  const setView = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(searchParams);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    setSearchParams(next, { replace: true });
  };
  return (
    <Flex vertical gap={12}>
      <Segmented
        aria-label="日历范围"
        value={byWeek ? 'week' : 'month'}
        onChange={(v) => setView({ calendar: v === 'week' ? 'week' : undefined })}
        options={[
          { value: 'month', label: '月' },
          { value: 'week', label: '周' },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {byWeek ? (
        <WeekView
          week={searchParams.get('week') ?? mondayOf(dayjs()).format('YYYY-MM-DD')}
          filters={props.filters}
          onWeek={(week) => setView({ week })}
        />
      ) : (
        <MonthView {...props} />
      )}
    </Flex>
  );
}

function MonthView(props: {
  month: string;
  filters: Record<string, string>;
  onMonth: (month: string) => void;
}) {
  const first = dayjs(`${props.month}-01`);
  const { byDay, total } = useActivitiesByDay(props.filters, first, first.endOf('month'));
  return (
    <>
      <TooMany total={total} span="本月" />
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
                <ActivityLink key={a.id} a={a} />
              ))}
            </Flex>
          );
        }}
      />
    </>
  );
}

/** Seven columns, Monday to Sunday, each listing the day's activities with time, place and state. */
function WeekView(props: { week: string; filters: Record<string, string>; onWeek: (week: string) => void }) {
  const monday = mondayOf(dayjs(props.week));
  const sunday = monday.add(6, 'day');
  const { byDay, total } = useActivitiesByDay(props.filters, monday, sunday);
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <>
      <Flex gap={8} align="center" wrap>
        <Button
          aria-label="上一周"
          icon={<LeftOutlined />}
          onClick={() => props.onWeek(monday.subtract(7, 'day').format('YYYY-MM-DD'))}
        />
        <Typography.Text strong>
          {monday.format('YYYY-MM-DD')} 至 {sunday.format('YYYY-MM-DD')}
        </Typography.Text>
        <Button
          aria-label="下一周"
          icon={<RightOutlined />}
          onClick={() => props.onWeek(monday.add(7, 'day').format('YYYY-MM-DD'))}
        />
        <Button onClick={() => props.onWeek(mondayOf(dayjs()).format('YYYY-MM-DD'))}>本周</Button>
      </Flex>
      <TooMany total={total} span="本周" />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 8 }}>
        {weekdays.map((name, i) => {
          const d = monday.add(i, 'day');
          const key = d.format('YYYY-MM-DD');
          const day = byDay.get(key) ?? [];
          return (
            <Card
              key={key}
              size="small"
              title={`${name} ${d.format('MM-DD')}`}
              styles={{ header: key === today ? { background: '#e6f4ff' } : undefined }}
            >
              <Flex vertical gap={8}>
                {day.length === 0 && <Typography.Text type="secondary">无活动</Typography.Text>}
                {day.map((a) => (
                  <Flex key={a.id} vertical gap={2}>
                    <ActivityLink a={a} wrap />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {a.place}
                    </Typography.Text>
                    <span>
                      <Tag>{a.kindLabel}</Tag>
                      <Tag
                        color={a.state === 'cancelled' ? 'default' : a.state === 'closed' ? 'green' : 'blue'}
                      >
                        {a.stateLabel}
                      </Tag>
                    </span>
                  </Flex>
                ))}
              </Flex>
            </Card>
          );
        })}
      </div>
    </>
  );
}
