import type { ReactNode } from 'react';
import { Card, Col, Row, Statistic, type ColProps } from 'antd';

/** A card that opens the list behind its number; `label` is what a screen reader announces. */
export function OpenableCard<F>(props: {
  label: string;
  filter: F;
  onOpen: (filter: F) => void;
  fill?: boolean;
  children: ReactNode;
}) {
  return (
    <Card
      size="small"
      hoverable
      role="link"
      aria-label={props.label}
      onClick={() => props.onOpen(props.filter)}
      style={props.fill ? { height: '100%' } : undefined}
    >
      {props.children}
    </Card>
  );
}

/** A figure of a figures page: a count, its unit (件, 篇, 期, 人次) and the filter of the list behind it. */
export interface CountFigure<F> {
  key: string;
  label: string;
  value: number;
  unit: string;
  filter: F;
}

/** Count cards side by side, each in a column of `col`; each opens its list. */
export function CountGrid<F>(props: {
  figures: CountFigure<F>[];
  onOpen: (filter: F) => void;
  col: ColProps;
  gap: number;
}) {
  return (
    <Row gutter={[props.gap, props.gap]}>
      {props.figures.map((f) => (
        <Col key={f.key} {...props.col}>
          <OpenableCard label={`${f.label} ${f.value}${f.unit}`} filter={f.filter} onOpen={props.onOpen} fill>
            <Statistic title={f.label} value={f.value} suffix={f.unit} />
          </OpenableCard>
        </Col>
      ))}
    </Row>
  );
}
