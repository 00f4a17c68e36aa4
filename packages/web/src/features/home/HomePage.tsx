import { Card, Col, Empty, List, Row, Skeleton, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { useHome, type HomeCard } from '../../api/home';
import { useCurrentUser } from '../../hooks/useCurrentUser';

const toneColor: Record<NonNullable<HomeCard['tone']>, string | undefined> = {
  default: undefined,
  warning: '#d46b08',
  danger: '#cf1322',
};

function CardBody({ card }: { card: HomeCard }) {
  const color = toneColor[card.tone ?? 'default'];
  return (
    <>
      {card.value !== undefined && (
        <Statistic
          value={card.value}
          suffix={card.unit}
          styles={{ content: color ? { color } : undefined }}
        />
      )}
      {card.description && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {card.description}
        </Typography.Paragraph>
      )}
      {card.items && card.items.length > 0 && (
        <List
          size="small"
          dataSource={card.items}
          renderItem={(item) => (
            <List.Item
              extra={
                <Typography.Text strong>
                  {item.value}
                  {item.unit}
                </Typography.Text>
              }
            >
              {item.link ? <Link to={item.link}>{item.label}</Link> : item.label}
            </List.Item>
          )}
        />
      )}
    </>
  );
}

/** Home per role: the server decides which cards a user sees; this page only lays them out. */
export default function HomePage() {
  const user = useCurrentUser();
  const home = useHome();
  const hour = new Date().getHours();
  const greeting = hour < 12 ? '上午好' : hour < 18 ? '下午好' : '晚上好';

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {user.displayName}，{greeting}
      </Typography.Title>
      {home.isPending ? (
        <Skeleton active />
      ) : home.isError ? (
        <Empty description={home.error.message} />
      ) : home.data.length === 0 ? (
        <Card>
          <Empty description="暂无待办事项" />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {home.data.map((card) => (
            <Col key={card.key} xs={24} sm={12} xl={card.items?.length ? 12 : 6}>
              <Card
                title={card.title}
                extra={card.link ? <Link to={card.link}>查看</Link> : undefined}
                style={{ height: '100%' }}
              >
                <CardBody card={card} />
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
