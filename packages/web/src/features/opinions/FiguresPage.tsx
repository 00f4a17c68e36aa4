import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import {
  Alert,
  Card,
  Col,
  Flex,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Table,
  Typography,
  type ColProps,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useOpinionFigures, type OpinionFigure, type OpinionFigures } from '../../api/opinions';
import { Chart } from '../../components/Chart';
import { CountGrid } from '../../components/FigureCard';
import { PageCard } from '../../components/PageCard';
import { opinionListLink } from './OpinionList';
import { thisYear } from '../../app/timeZone';

type BreakdownRow = OpinionFigures['byCategory'][number];

/** The list behind a figure: opinions, forwarded items or issues, with the figure's filter in the address. */
export function figureLink(figure: Pick<OpinionFigure, 'list' | 'filter'>): string {
  const filter = figure.filter as Record<string, unknown>;
  if (figure.list === 'opinions') return opinionListLink(filter);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter))
    if (value !== undefined && value !== null) params.set(key, String(value));
  const path = figure.list === 'forwardings' ? '/opinions/forwardings' : '/opinions/issues';
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** 社情民意统计: the year's figures, each opening the list behind it; adoption by level and category as charts. */
export default function OpinionFiguresPage() {
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const year = Number(searchParams.get('year')) || thisYear();
  const quarter = Number(searchParams.get('quarter')) || undefined;
  const figures = useOpinionFigures(year, quarter);
  const setPeriod = (next: { year?: number; quarter?: number }) => {
    const period = { year, quarter, ...next };
    setSearchParams(
      { year: String(period.year), ...(period.quarter ? { quarter: String(period.quarter) } : {}) },
      { replace: true },
    );
  };
  const data = figures.data;
  const open = (figure: OpinionFigure) => navigate(figureLink(figure));
  const grid = (list: OpinionFigure[], col: ColProps = { xs: 12, sm: 8, md: 6, lg: 4 }) => (
    <CountGrid figures={list.map((f) => ({ ...f, filter: f }))} onOpen={open} col={col} gap={12} />
  );

  const tables = useMemo(
    () =>
      data
        ? [
            { title: '按报送人类型', rows: data.bySubmitterType, first: '报送人' },
            { title: '按类别', rows: data.byCategory, first: '类别' },
            { title: '按界别', rows: data.bySector, first: '界别' },
            { title: '按下级政协', rows: data.byChildCommittee, first: '政协' },
          ].filter((t) => t.rows.length > 0)
        : [],
    [data],
  );

  const breakdown = (rows: BreakdownRow[], first: string): ColumnsType<BreakdownRow> => {
    const keys = rows[0]?.figures.map((f) => ({ key: f.key, label: f.label, unit: f.unit })) ?? [];
    return [
      { title: first, dataIndex: 'label', key: 'label', fixed: 'left' },
      ...keys.map(({ key, label, unit }) => ({
        title: `${label}（${unit}）`,
        key,
        align: 'right' as const,
        render: (_: unknown, row: BreakdownRow) => {
          const f = row.figures.find((x) => x.key === key);
          return f ? (
            <Typography.Link onClick={() => open(f)} aria-label={`${row.label}${label} ${f.value}${f.unit}`}>
              {f.value}
            </Typography.Link>
          ) : null;
        },
      })),
    ];
  };

  const sections = data
    ? [
        { title: '采用（按级别）', figures: data.adoptedByLevel },
        { title: '领导批示（按级别）', figures: data.instructedByLevel },
        { title: '转办', figures: data.forwarding },
      ]
    : [];
  const byCategory = data?.byCategory ?? [];
  const categoryFigure = byCategory[0]?.figures[0];

  return (
    <Flex vertical gap={16}>
      <PageCard
        title={`社情民意统计：${year}年${quarter ? `第${quarter}季度` : ''}`}
        extra={
          <Flex gap={8} wrap>
            <InputNumber
              aria-label="年度"
              min={2000}
              max={2100}
              value={year}
              suffix="年"
              onChange={(v) => v && setPeriod({ year: v })}
            />
            <Select
              aria-label="统计期间"
              value={quarter ?? 0}
              style={{ width: 120 }}
              options={[
                { value: 0, label: '全年' },
                ...[1, 2, 3, 4].map((q) => ({ value: q, label: `第${q}季度` })),
              ]}
              onChange={(q) => setPeriod({ quarter: q || undefined })}
            />
          </Flex>
        }
      >
        {figures.isError && <Alert type="error" showIcon title={figures.error.message} />}
        {figures.isPending && <Skeleton active />}
        {data && (
          <Flex vertical gap={16}>
            {grid(data.totals)}
            <Row gutter={[12, 12]}>
              {sections.map((s) => (
                <Col key={s.title} xs={24} lg={8}>
                  <Card size="small" title={s.title} style={{ height: '100%' }}>
                    {grid(s.figures, { xs: 12 })}
                  </Card>
                </Col>
              ))}
            </Row>
            <Row gutter={[12, 12]}>
              <Col xs={24} md={12}>
                <Card size="small" title="采用情况（按级别）">
                  <Chart
                    type="bar"
                    title="采用情况（按级别）"
                    unit={data.adoptedByLevel[0]?.unit ?? '篇'}
                    labels={data.adoptedByLevel.map((f) => f.label)}
                    series={[{ name: '采用', values: data.adoptedByLevel.map((f) => f.value) }]}
                    onSelect={(i) => open(data.adoptedByLevel[i]!)}
                    emptyText="本年度暂无采用"
                  />
                </Card>
              </Col>
              <Col xs={24} md={12}>
                <Card size="small" title={categoryFigure ? `按类别：${categoryFigure.label}` : '按类别'}>
                  <Chart
                    type="pie"
                    title={`按类别${categoryFigure?.label ?? ''}`}
                    unit={categoryFigure?.unit ?? '篇'}
                    labels={byCategory.map((r) => r.label)}
                    series={[
                      {
                        name: categoryFigure?.label ?? '',
                        values: byCategory.map((r) => r.figures[0]?.value ?? 0),
                      },
                    ]}
                    onSelect={(i) => {
                      const f = byCategory[i]?.figures[0];
                      if (f) open(f);
                    }}
                    emptyText="本年度暂无信息"
                  />
                </Card>
              </Col>
            </Row>
          </Flex>
        )}
      </PageCard>
      {tables.map((t) => (
        <Card key={t.title} size="small" title={t.title}>
          <Table<BreakdownRow>
            rowKey="id"
            size="small"
            dataSource={t.rows}
            columns={breakdown(t.rows, t.first)}
            pagination={t.rows.length > 15 ? { pageSize: 15, size: 'small' } : false}
            scroll={{ x: 'max-content' }}
          />
        </Card>
      ))}
    </Flex>
  );
}
