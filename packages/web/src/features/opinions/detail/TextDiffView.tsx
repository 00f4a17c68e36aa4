import { useMemo, type CSSProperties } from 'react';
import { Col, Flex, Row, Typography } from 'antd';
import { diffSides, textDiff, type DiffPart } from '../textDiff';

const styles: Record<DiffPart['kind'], CSSProperties | undefined> = {
  same: undefined,
  del: { background: '#ffe7e6', color: '#a8071a', textDecoration: 'line-through' },
  ins: { background: '#d9f7be', color: '#135200' },
};

function Side({ title, parts }: { title: string; parts: DiffPart[] }) {
  return (
    <Flex vertical gap={4}>
      <Typography.Text strong>{title}</Typography.Text>
      <div
        style={{
          whiteSpace: 'pre-wrap',
          border: '1px solid #f0f0f0',
          borderRadius: 6,
          padding: 8,
          lineHeight: 1.8,
        }}
      >
        {parts.map((p, i) =>
          p.kind === 'same' ? (
            <span key={i}>{p.text}</span>
          ) : p.kind === 'del' ? (
            <del key={i} style={styles.del}>
              {p.text}
            </del>
          ) : (
            <ins key={i} style={styles.ins}>
              {p.text}
            </ins>
          ),
        )}
      </div>
    </Flex>
  );
}

/** The submitted text and an edit side by side: deletions struck through on the left, insertions on the right. */
export function TextDiffView(props: {
  before: { title: string; content: string };
  after: { title: string; content: string };
  beforeLabel: string;
  afterLabel: string;
}) {
  const { before, after } = props;
  const sides = useMemo(
    () => ({
      title: diffSides(textDiff(before.title, after.title)),
      content: diffSides(textDiff(before.content, after.content)),
    }),
    [before.title, before.content, after.title, after.content],
  );
  const changed = before.title !== after.title || before.content !== after.content;
  return (
    <Flex vertical gap={8}>
      {!changed && <Typography.Text type="secondary">与原文相同，没有改动。</Typography.Text>}
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <Side title={`${props.beforeLabel}：标题`} parts={sides.title.before} />
          <div style={{ height: 8 }} />
          <Side title={`${props.beforeLabel}：内容`} parts={sides.content.before} />
        </Col>
        <Col xs={24} md={12}>
          <Side title={`${props.afterLabel}：标题`} parts={sides.title.after} />
          <div style={{ height: 8 }} />
          <Side title={`${props.afterLabel}：内容`} parts={sides.content.after} />
        </Col>
      </Row>
    </Flex>
  );
}
