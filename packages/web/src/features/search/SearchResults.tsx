import { Link } from 'react-router';
import { Card, Empty, Flex, List, Tag, Typography } from 'antd';
import type { SearchHit, SearchKind } from '../../api/search';
import { dateText } from '../../components/columns';
import { Marked } from './Marked';

/** The server takes at most this many pages; the pager offers no more. */
const lastPage = 50;

const kindColors: Record<SearchKind, string> = {
  proposal: 'red',
  opinion: 'blue',
  activity: 'green',
  suggestion: 'orange',
  member: 'purple',
};

/** The tag, what the server says of the record (its state, a member's sector) and its date. */
function HitFacts({ hit }: { hit: SearchHit }) {
  return (
    <Flex gap={8} wrap align="center">
      <Tag color={kindColors[hit.kind]} style={{ marginInlineEnd: 0 }}>
        {hit.kindLabel}
      </Tag>
      {hit.detail && <Typography.Text type="secondary">{hit.detail}</Typography.Text>}
      {hit.date && <Typography.Text type="secondary">{dateText(hit.date)}</Typography.Text>}
    </Flex>
  );
}

function Snippet({ hit }: { hit: SearchHit }) {
  if (!hit.snippet.some((part) => part.text.trim())) return null;
  return (
    <Typography.Paragraph style={{ margin: 0, color: 'rgba(0, 0, 0, 0.72)' }}>
      <Marked parts={hit.snippet} />
    </Typography.Paragraph>
  );
}

/** A hit on a wide screen: its title (a link to the record, when the user may open it), facts and snippet. */
function HitRow({ hit }: { hit: SearchHit }) {
  const title = <Marked parts={hit.title} />;
  return (
    <Flex vertical gap={4} style={{ width: '100%' }}>
      <Typography.Text strong style={{ fontSize: 15 }}>
        {hit.link ? <Link to={hit.link}>{title}</Link> : title}
      </Typography.Text>
      <Snippet hit={hit} />
      <HitFacts hit={hit} />
    </Flex>
  );
}

/** A hit on a phone: a card, the whole of it leading to the record when the user may open it. */
function HitCard({ hit }: { hit: SearchHit }) {
  const card = (
    <Card size="small" style={{ width: '100%' }}>
      <Flex vertical gap={6}>
        <Typography.Text strong>
          <Marked parts={hit.title} />
        </Typography.Text>
        <Snippet hit={hit} />
        <HitFacts hit={hit} />
      </Flex>
    </Card>
  );
  if (!hit.link) return card;
  return (
    <Link to={hit.link} style={{ display: 'block', width: '100%', color: 'inherit' }}>
      {card}
    </Link>
  );
}

/** One page of hits: a list on wide screens, cards on phones, the pager below. */
export function SearchResults(props: {
  phone: boolean;
  items: SearchHit[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  emptyText: string;
  onPage: (page: number, pageSize: number) => void;
}) {
  const { page, pageSize, total } = props;
  return (
    <section aria-label="搜索结果">
      <List<SearchHit>
        loading={props.loading}
        dataSource={props.items}
        split={!props.phone}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.emptyText} /> }}
        pagination={
          total > 0 && {
            current: page,
            pageSize,
            total: Math.min(total, lastPage * pageSize),
            showTotal: () => `共 ${total} 条`,
            showSizeChanger: !props.phone,
            pageSizeOptions: [10, 20, 50],
            size: props.phone ? 'small' : undefined,
            align: props.phone ? 'center' : 'end',
            onChange: props.onPage,
          }
        }
        renderItem={(hit) => (
          <List.Item
            key={`${hit.kind}-${hit.id}`}
            style={props.phone ? { paddingInline: 0, borderBlockEnd: 'none', paddingBlock: 4 } : undefined}
          >
            {props.phone ? <HitCard hit={hit} /> : <HitRow hit={hit} />}
          </List.Item>
        )}
      />
    </section>
  );
}
