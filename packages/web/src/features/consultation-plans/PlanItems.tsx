import { Link } from 'react-router';
import { Card, Empty, Flex, List, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { planItemProgressLabels, type PlanItemProgress } from '@cppcc/shared';
import type { PlanItemDto } from '../../api/consultation-plans';
import { dateText } from '../../components/columns';
import { ProgressTag, quarterName, quarterNames } from './common';

/** The activities that carry an item out, each a link to its page. */
function LinkedActivities({ item }: { item: PlanItemDto }) {
  if (item.activities.length === 0) return <Typography.Text type="secondary">尚无关联活动</Typography.Text>;
  return (
    <Flex vertical gap={2}>
      {item.activities.map((a) => (
        // Underlined: among the item's other text a link must not be told by its colour alone.
        <Link key={a.id} to={`/activities/${a.id}`} style={{ textDecoration: 'underline' }}>
          {dateText(a.startsAt)} {a.topic}（{a.stateLabel}）
        </Link>
      ))}
    </Flex>
  );
}

const topicOf = (item: PlanItemDto) => (
  <>
    <Typography.Text strong>{item.topic}</Typography.Text>
    {item.note && (
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {item.note}
      </Typography.Text>
    )}
  </>
);

const columns: ColumnsType<PlanItemDto> = [
  {
    title: '季度',
    dataIndex: 'quarter',
    key: 'quarter',
    width: 100,
    defaultSortOrder: 'ascend',
    sorter: (a, b) => a.quarter - b.quarter || a.position - b.position,
    filters: quarterNames.map((text, i) => ({ text, value: i + 1 })),
    onFilter: (value, row) => row.quarter === value,
    render: (q: number) => quarterName(q),
  },
  { title: '协商议题', key: 'topic', render: (_, row) => topicOf(row) },
  { title: '形式', dataIndex: 'kindLabel', key: 'kind', width: 130 },
  {
    title: '牵头专委会',
    key: 'lead',
    width: 170,
    render: (_, row) => row.leadSpecialCommitteeName ?? '政协机关',
  },
  {
    title: '进展',
    key: 'progress',
    width: 100,
    render: (_, row) => <ProgressTag progress={row.progress} label={row.progressLabel} />,
  },
  { title: '关联活动', key: 'activities', render: (_, row) => <LinkedActivities item={row} /> },
];

/** The plan's items: a table by quarter on a wide screen, cards under each quarter's heading on a phone. */
export function PlanItems(props: { items: PlanItemDto[]; narrow: boolean; filter: PlanItemProgress | null }) {
  const { narrow, filter } = props;
  const rows = filter ? props.items.filter((i) => i.progress === filter) : props.items;
  const empty = filter ? `没有${planItemProgressLabels[filter]}的协商事项` : '计划中还没有协商事项';
  if (!narrow)
    return (
      <Table<PlanItemDto>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: empty }}
        aria-label="协商事项"
      />
    );
  if (rows.length === 0) return <Empty description={empty} />;
  return (
    <Flex vertical gap={12}>
      {quarterNames.map((name, q) => {
        const inQuarter = rows.filter((i) => i.quarter === q + 1);
        if (inQuarter.length === 0) return null;
        return (
          <div key={name}>
            <Typography.Title level={5} style={{ margin: '4px 0 8px' }}>
              {name}（{inQuarter.length} 项）
            </Typography.Title>
            <List
              dataSource={inQuarter}
              renderItem={(item) => (
                <List.Item key={item.id} style={{ paddingInline: 0 }}>
                  <Card size="small" style={{ width: '100%' }}>
                    <Flex vertical gap={6}>
                      <div>{topicOf(item)}</div>
                      <Space wrap size={4}>
                        <ProgressTag progress={item.progress} label={item.progressLabel} />
                        <Tag>{item.kindLabel}</Tag>
                        <Tag>牵头：{item.leadSpecialCommitteeName ?? '政协机关'}</Tag>
                      </Space>
                      <LinkedActivities item={item} />
                    </Flex>
                  </Card>
                </List.Item>
              )}
            />
          </div>
        );
      })}
    </Flex>
  );
}
