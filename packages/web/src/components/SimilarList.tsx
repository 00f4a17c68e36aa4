import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Flex, List, Space, Tag, Typography } from 'antd';
import type { SimilarItem } from '../api/search';

/** How alike, in words: a copy, a likely duplicate, or a neighbour with its similarity. */
export function SimilarityTag({ item }: { item: SimilarItem }) {
  if (item.exact) return <Tag color="red">完全相同</Tag>;
  const percent = `相似度 ${Math.round(item.score * 100)}%`;
  return item.likelyDuplicate ? <Tag color="volcano">疑似重复 · {percent}</Tag> : <Tag>{percent}</Tag>;
}

/**
 * Proposals and opinions like a text, of this and earlier years, with what came of each. A record the
 * viewer may not open is named by its title and outcome only. `action` adds a step per item (并案 …).
 */
export function SimilarList(props: {
  items: SimilarItem[];
  empty: string;
  action?: (item: SimilarItem) => ReactNode;
}) {
  return (
    <List
      size="small"
      dataSource={props.items}
      locale={{ emptyText: props.empty }}
      renderItem={(s) => (
        <List.Item actions={props.action ? [props.action(s)].filter(Boolean) : undefined}>
          <Flex vertical gap={2} style={{ minWidth: 0 }}>
            <Space wrap size={4}>
              <SimilarityTag item={s} />
              <Tag color={s.kind === 'proposal' ? 'blue' : 'cyan'}>{s.kindLabel}</Tag>
              {s.year !== null && <Tag>{s.year}年</Tag>}
              {s.numberLabel && <Tag>{s.numberLabel}</Tag>}
            </Space>
            {s.link ? <Link to={s.link}>{s.title}</Link> : <Typography.Text>{s.title}</Typography.Text>}
            <Typography.Text type="secondary">
              {[s.outcome || s.stateLabel, s.author].filter(Boolean).join(' · ')}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}
