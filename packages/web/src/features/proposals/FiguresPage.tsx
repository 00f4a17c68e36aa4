import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import {
  Alert,
  Card,
  Tag,
  Col,
  Empty,
  Flex,
  InputNumber,
  Row,
  Segmented,
  Select,
  Skeleton,
  Statistic,
  Table,
  Typography,
  theme,
  type ColProps,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { proposalListLink } from '@cppcc/shared';
import {
  proposalDocuments,
  useProposalFigures,
  type BreakdownRow,
  type Figure,
  type FigureFilter,
  type RateFigure,
} from '../../api/proposals';
import { useOrganisationOptions } from '../../api/resources';
import { Chart } from '../../components/Chart';
import { OpenableCard } from '../../components/FigureCard';
import { PageCard } from '../../components/PageCard';
import { SideScroll } from '../../components/SideScroll';
import { DocumentButton } from './common';
import { KeyProgressCard } from './KeyProgressCard';
import { thisYear } from '../../app/timeZone';

const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** A count with its unit; a satisfaction count also says what it is a share of (已评价, same unit). */
function FigureCard({ figure, onOpen }: { figure: Figure; onOpen: (f: FigureFilter) => void }) {
  const ofRated = figure.basis && figure.key !== 'rated' && figure.denominator !== undefined;
  return (
    <OpenableCard
      // Says what the card shows, the unit and the share included.
      label={`${figure.label} ${figure.value}${figure.unit}${ofRated ? ` 共评价 ${figure.denominator} ${figure.unit}` : ''}`}
      filter={figure.filter}
      onOpen={onOpen}
      fill
    >
      <Statistic title={figure.label} value={figure.value} suffix={figure.unit} />
      {ofRated && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          共评价 {figure.denominator} {figure.unit}
        </Typography.Text>
      )}
    </OpenableCard>
  );
}

/** A rate: the card opens the numerator's list, the denominator link the denominator's. */
function RateCard({ rate, onOpen }: { rate: RateFigure; onOpen: (f: FigureFilter) => void }) {
  return (
    <OpenableCard
      label={`${rate.label} ${percent(rate.value)} ${rate.numerator} / ${rate.denominator} ${rate.unit}（分母：${rate.key === 'answerRate' ? '立案' : '已评价'} ${rate.denominator}）`}
      filter={rate.filter}
      onOpen={onOpen}
    >
      <Statistic title={rate.label} value={percent(rate.value)} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {rate.numerator} / {rate.denominator} {rate.unit}（分母：
        <Typography.Link
          style={{ fontSize: 12 }}
          aria-label={`${rate.label}分母 ${rate.denominator}`}
          onClick={(e) => {
            e.stopPropagation();
            onOpen(rate.denominatorFilter);
          }}
        >
          {rate.key === 'answerRate' ? '立案' : '已评价'} {rate.denominator}
        </Typography.Link>
        ）
      </Typography.Text>
    </OpenableCard>
  );
}

/** Figures as a chart: each bar or slice opens the list behind it. */
function FigureChart(props: {
  type: 'bar' | 'pie';
  title: string;
  figures: Figure[];
  onOpen: (f: FigureFilter) => void;
  emptyText?: string;
  colors?: string[];
}) {
  return (
    <Chart
      type={props.type}
      colors={props.colors}
      title={props.title}
      unit={props.figures[0]?.unit ?? '件'}
      labels={props.figures.map((f) => f.label)}
      series={[{ name: props.title, values: props.figures.map((f) => f.value) }]}
      onSelect={(i) => props.onOpen(props.figures[i]!.filter)}
      emptyText={props.emptyText}
    />
  );
}

/** Breakdown rows as bars, one series per figure key (承办 / 已办复, 提交 / 立案); the first `limit` rows. */
function BreakdownChart(props: {
  title: string;
  rows: BreakdownRow[];
  keys: string[];
  onOpen: (f: FigureFilter) => void;
  limit?: number;
}) {
  const rows = props.rows.slice(0, props.limit ?? props.rows.length);
  const series = props.keys.map((key) => ({
    key,
    name: rows[0]?.figures.find((f) => f.key === key)?.label ?? key,
    figures: rows.map((r) => r.figures.find((f) => f.key === key)),
  }));
  return (
    <Chart
      type="bar"
      horizontal
      title={props.title}
      unit={series[0]?.figures[0]?.unit ?? '件'}
      labels={rows.map((r) => r.label)}
      series={series.map((s) => ({ name: s.name, values: s.figures.map((f) => f?.value ?? 0) }))}
      onSelect={(row, serie) => {
        const f = series[serie]?.figures[row];
        if (f) props.onOpen(f.filter);
      }}
    />
  );
}

/** Figure cards side by side, each in a column of `col`. */
function FigureGrid(props: {
  figures: Figure[];
  onOpen: (f: FigureFilter) => void;
  col: ColProps;
  gap: number;
}) {
  return (
    <Row gutter={[props.gap, props.gap]}>
      {props.figures.map((f) => (
        <Col key={f.key} {...props.col}>
          <FigureCard figure={f} onOpen={props.onOpen} />
        </Col>
      ))}
    </Row>
  );
}

/** 提案统计: every figure of a session or a year; each number opens the list of proposals behind it. */
export default function FiguresPage() {
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const [searchParams, setSearchParams] = useSearchParams();
  const options = useOrganisationOptions();
  const sessions = options.data?.plenarySessions ?? [];
  const [mode, setMode] = useState<'session' | 'year'>(searchParams.get('year') ? 'year' : 'session');
  // Without a choice, the latest session (options are ordered by meeting date).
  const sessionId = Number(searchParams.get('sessionId')) || sessions.at(-1)?.id;
  const year = Number(searchParams.get('year')) || undefined;

  const scope = mode === 'session' ? { sessionId } : { year: year ?? thisYear() };
  const figures = useProposalFigures(scope);
  const open = (filter: FigureFilter) => navigate(proposalListLink(filter));

  const breakdown = (rows: BreakdownRow[], first: string): ColumnsType<BreakdownRow> => {
    const keys =
      rows[0]?.figures.map((f) => ({
        key: f.key,
        label: f.label,
        // Satisfaction columns say their unit, which follows the basis (件 or 人次).
        title: f.basis ? `${f.label}（${f.unit}）` : f.label,
      })) ?? [];
    return [
      { title: first, dataIndex: 'label', key: 'label', fixed: 'left', ellipsis: true },
      ...keys.map(({ key, label, title }) => ({
        title,
        key,
        align: 'right' as const,
        render: (_: unknown, row: BreakdownRow) => {
          const f = row.figures.find((x) => x.key === key);
          return f ? (
            <Typography.Link onClick={() => open(f.filter)} aria-label={`${row.label}${label} ${f.value}`}>
              {f.value}
            </Typography.Link>
          ) : null;
        },
      })),
    ];
  };

  const data = figures.data;
  const tables = useMemo(
    () =>
      data
        ? [
            {
              title: '按承办单位',
              rows: data.byUnit,
              first: '承办单位',
              // Units are many: the chart shows those with the most proposals, the table all of them.
              chart: { title: '承办单位（承办件数前 10 位）', keys: ['assigned', 'answered'], limit: 10 },
            },
            { title: '按界别', rows: data.bySector, first: '界别' },
            {
              title: '按类别',
              rows: data.byCategory,
              first: '类别',
              chart: { title: '提案类别', keys: ['submitted', 'accepted'] },
            },
          ]
        : [],
    [data],
  );
  const satisfaction = data?.totals.filter((f) =>
    ['satisfied', 'basicallySatisfied', 'dissatisfied'].includes(f.key),
  );
  const stateFigures = data?.totals.filter((f) =>
    ['submitted', 'accepted', 'merged', 'rejected', 'answered', 'overdue'].includes(f.key),
  );

  const halves = data
    ? [
        { title: '按答复类别', figures: data.byAnswerCategory, emptyText: '暂无答复' },
        { title: '重点提案办理进度', figures: data.keyProgress },
      ]
    : [];

  return (
    <Flex vertical gap={16}>
      <PageCard
        title={`提案统计${data ? `：${data.scope.label}` : ''}`}
        extra={
          <>
            <Segmented
              value={mode}
              onChange={(v) => {
                setMode(v as 'session' | 'year');
                setSearchParams(v === 'year' ? { year: String(thisYear()) } : {}, {
                  replace: true,
                });
              }}
              options={[
                { value: 'session', label: '按会议' },
                { value: 'year', label: '按年度' },
              ]}
            />
            {mode === 'session' ? (
              <Select
                aria-label="会议"
                style={{ width: 220 }}
                value={sessionId}
                options={sessions.map((s) => ({ value: s.id, label: s.name }))}
                onChange={(v) => setSearchParams({ sessionId: String(v) }, { replace: true })}
              />
            ) : (
              <InputNumber
                aria-label="年度"
                min={2000}
                max={2100}
                value={year ?? thisYear()}
                onChange={(v) => v && setSearchParams({ year: String(v) }, { replace: true })}
              />
            )}
            {mode === 'session' && sessionId && (
              <DocumentButton path={proposalDocuments.compilation(sessionId)}>下载提案汇编</DocumentButton>
            )}
            <DocumentButton path={proposalDocuments.list} query={{ view: 'all', ...scope }}>
              导出提案清单
            </DocumentButton>
          </>
        }
      >
        {figures.isError && <Alert type="error" showIcon title={figures.error.message} />}
        {figures.isPending && <Skeleton active />}
        {data && (
          <Flex vertical gap={16}>
            <Flex gap={8} wrap align="center">
              {data.scope.supervisedOnly && <Tag color="blue">仅统计您督办的重点提案</Tag>}
              <Typography.Text type="secondary">
                满意度口径：{data.satisfactionBasis.label}（单位：{data.satisfactionBasis.unit}）
              </Typography.Text>
            </Flex>
            <FigureGrid figures={data.totals} onOpen={open} col={{ xs: 12, sm: 8, md: 6, lg: 4 }} gap={12} />
            <Row gutter={[12, 12]}>
              {data.rates.map((r) => (
                <Col key={r.key} xs={24} sm={8}>
                  <RateCard rate={r} onOpen={open} />
                </Col>
              ))}
            </Row>
            <Row gutter={[12, 12]}>
              <Col xs={24} md={12}>
                <Card size="small" title="办理情况">
                  <FigureChart type="bar" title="办理情况" figures={stateFigures ?? []} onOpen={open} />
                </Card>
              </Col>
              <Col xs={24} md={12}>
                <Card size="small" title={`满意度（${data.satisfactionBasis.unit}）`}>
                  <FigureChart
                    type="pie"
                    title={`满意度（${data.satisfactionBasis.unit}）`}
                    figures={satisfaction ?? []}
                    colors={[token.colorSuccess, token.colorWarning, token.colorError]}
                    onOpen={open}
                    emptyText="暂无评价"
                  />
                </Card>
              </Col>
            </Row>
            <Row gutter={[12, 12]}>
              {halves.map((half) => (
                <Col key={half.title} xs={24} md={12}>
                  <Card size="small" title={half.title}>
                    {half.figures.length === 0 && half.emptyText ? (
                      <Empty description={half.emptyText} />
                    ) : (
                      <FigureGrid figures={half.figures} onOpen={open} col={{ span: 12 }} gap={8} />
                    )}
                  </Card>
                </Col>
              ))}
            </Row>
          </Flex>
        )}
      </PageCard>
      {data && data.keyProgress.some((f) => f.key === 'total' && f.value > 0) && (
        <KeyProgressCard key={JSON.stringify(scope)} scope={scope} />
      )}
      {tables.map((t) => (
        <Card key={t.title} size="small" title={t.title}>
          <Row gutter={[16, 16]}>
            {t.chart && t.rows.length > 0 && (
              <Col xs={24} lg={10}>
                <BreakdownChart
                  title={t.chart.title}
                  rows={t.rows}
                  keys={t.chart.keys}
                  limit={t.chart.limit}
                  onOpen={open}
                />
              </Col>
            )}
            <Col xs={24} lg={t.chart && t.rows.length > 0 ? 14 : 24}>
              <SideScroll label={t.title}>
                <Table<BreakdownRow>
                  rowKey="id"
                  size="small"
                  dataSource={t.rows}
                  columns={breakdown(t.rows, t.first)}
                  pagination={t.rows.length > 15 ? { pageSize: 15, size: 'small' } : false}
                  style={{ minWidth: 'max-content' }}
                />
              </SideScroll>
            </Col>
          </Row>
        </Card>
      ))}
    </Flex>
  );
}
