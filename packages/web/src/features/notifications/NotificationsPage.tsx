import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Badge, Button, Card, List, Segmented, Space, Typography } from 'antd';
import { dateTimeText } from '../../components/columns';
import { useMarkAllRead, useMarkRead, useNotifications } from '../../api/notifications';

export default function NotificationsPage() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const navigate = useNavigate();
  const list = useNotifications({ unreadOnly, page, pageSize: 20 });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  return (
    <Card
      title="通知"
      extra={
        <Space wrap>
          <Segmented
            options={[
              { label: '全部', value: 'all' },
              { label: '未读', value: 'unread' },
            ]}
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => {
              setUnreadOnly(v === 'unread');
              setPage(1);
            }}
          />
          {/* Only while something is unread: a button greyed out until the list loads would fade in
              and out of legibility as it arrives. */}
          {!!list.data?.unreadCount && (
            <Button loading={markAll.isPending} onClick={() => markAll.mutate()}>
              全部标为已读
            </Button>
          )}
        </Space>
      }
    >
      <List
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: unreadOnly ? '没有未读通知' : '暂无通知' }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showTotal: (t) => `共 ${t} 条`,
          size: 'small',
        }}
        renderItem={(item) => (
          <List.Item
            actions={[
              item.link ? (
                <Button
                  key="open"
                  type="link"
                  onClick={() => {
                    if (!item.read) markRead.mutate(item.id);
                    navigate(item.link!);
                  }}
                >
                  查看
                </Button>
              ) : null,
              !item.read ? (
                <Button key="read" type="link" onClick={() => markRead.mutate(item.id)}>
                  标为已读
                </Button>
              ) : null,
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={
                <Space>
                  {!item.read && <Badge status="error" />}
                  <Typography.Text strong={!item.read}>{item.title}</Typography.Text>
                </Space>
              }
              description={
                <>
                  {item.body && <div>{item.body}</div>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {dateTimeText(item.createdAt)}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
