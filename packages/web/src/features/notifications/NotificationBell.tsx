import { Badge, Button, Empty, Flex, Grid, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useState, type CSSProperties } from 'react';
import { useNavigate } from 'react-router';
import { dateTimeText } from '../../components/columns';
import {
  useMarkAllRead,
  useMarkRead,
  useNotifications,
  type NotificationItem,
} from '../../api/notifications';

/** Bell with the unread count; the dropdown lists the latest notifications. */
export function NotificationBell({ buttonStyle }: { buttonStyle?: CSSProperties }) {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const phone = Grid.useBreakpoint().md === false;
  const { data } = useNotifications({ page: 1, pageSize: 8 }, true);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = data?.unreadCount ?? 0;

  function openItem(item: NotificationItem) {
    if (!item.read) markRead.mutate(item.id);
    if (item.link) {
      setOpen(false);
      navigate(item.link);
    }
  }

  const content = (
    <div style={{ width: 'min(360px, calc(100vw - 40px))' }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>通知（{unread} 条未读）</Typography.Text>
        <Button
          size="small"
          type="link"
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          全部标为已读
        </Button>
      </Flex>
      {data && data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无通知" />
      ) : (
        <List
          size="small"
          dataSource={data?.items ?? []}
          style={{ maxHeight: 360, overflowY: 'auto' }}
          renderItem={(item) => (
            <List.Item
              style={{ cursor: 'pointer', background: item.read ? undefined : '#fff7f6', paddingInline: 8 }}
              onClick={() => openItem(item)}
              actions={
                item.read
                  ? []
                  : [
                      <Button
                        key="read"
                        size="small"
                        type="link"
                        onClick={(e) => {
                          e.stopPropagation();
                          markRead.mutate(item.id);
                        }}
                      >
                        标为已读
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={
                  <Typography.Text strong={!item.read} type={item.read ? 'secondary' : undefined} ellipsis>
                    {item.title}
                  </Typography.Text>
                }
                description={
                  <>
                    {item.body && (
                      <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                        {item.body}
                      </Typography.Paragraph>
                    )}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {dateTimeText(item.createdAt)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      <Flex justify="center" style={{ marginTop: 8 }}>
        <Button
          type="link"
          onClick={() => {
            setOpen(false);
            navigate('/notifications');
          }}
        >
          查看全部通知
        </Button>
      </Flex>
    </div>
  );

  return (
    <Popover
      content={content}
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
      // On a phone the bell is not at the screen's edge: aligned to it, the panel would start off the
      // left edge. It is pinned 8 px from the right edge instead, without the arrow.
      arrow={!phone}
      styles={phone ? { root: { left: 'auto', right: 8 } } : undefined}
    >
      <Button
        type="text"
        // The name holds what the badge shows (99+ beyond 99), so that what one sees is what one may say.
        aria-label={`通知，${unread > 99 ? '99+' : unread} 条未读`}
        style={buttonStyle}
        icon={
          <Badge count={unread} size="small" offset={[4, -2]}>
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
