import { useMemo, useState, type ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import {
  Alert,
  Card,
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
import { PageCard } from '../../components/PageCard';
import { DocumentButton } from './common';

const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** A card that opens the list of proposals behind its number; `label` is what a screen reader announces. */
function OpenableCard(props: {
  label: string;
  filter: FigureFilter;
  onOpen: (f: FigureFilter) => void;
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

function FigureCard({ figure, onOpen }: { figure: Figure; onOpen: (f: FigureFilter) => void }) {
  return (
    <OpenableCard label={`${figure.label} ${figure.value}`} filter={figure.filter} onOpen={onOpen} fill>
      <Statistic
        title={figure.label}
        value={figure.value}
        suffix={figure.label.includes('人次') ? '人次' : '件'}
      />
    </OpenableCard>
  );
}

function RateCard({ rate, onOpen }: { rate: RateFigure; onOpen: (f: FigureFilter) => void }) {
  return (
    <OpenableCard label={`${rate.label} ${percent(rate.value)}`} filter={rate.filter} onOpen={onOpen}>
      <Statistic title={rate.label} value={percent(rate.value)} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {rate.numerator} / {rate.denominator}
      </Typography.Text>
    </OpenableCard>
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
  const [searchParams, setSearchParams] = useSearchParams();
  const options = useOrganisationOptions();
  const sessions = options.data?.plenarySessions ?? [];
  const [mode, setMode] = useState<'session' | 'year'>(searchParams.get('year') ? 'year' : 'session');
  // Without a choice, the latest session (options are ordered by meeting date).
  const sessionId = Number(searchParams.get('sessionId')) || sessions.at(-1)?.id;
  const year = Number(searchParams.get('year')) || undefined;

  const scope = mode === 'session' ? { sessionId } : { year: year ?? new Date().getFullYear() };
  const figures = useProposalFigures(scope);
  const open = (filter: FigureFilter) => navigate(proposalListLink(filter));

  const breakdown = (rows: BreakdownRow[], first: string): ColumnsType<BreakdownRow> => {
    const keys = rows[0]?.figures.map((f) => ({ key: f.key, label: f.label })) ?? [];
    return [
      { title: first, dataIndex: 'label', key: 'label', fixed: 'left' },
      ...keys.map(({ key, label }) => ({
        title: label,
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
            { title: '按承办单位', rows: data.byUnit, first: '承办单位' },
            { title: '按界别', rows: data.bySector, first: '界别' },
            { title: '按类别', rows: data.byCategory, first: '类别' },
          ]
        : [],
    [data],
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
                setSearchParams(v === 'year' ? { year: String(new Date().getFullYear()) } : {}, {
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
                value={year ?? new Date().getFullYear()}
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
            <FigureGrid figures={data.totals} onOpen={open} col={{ xs: 12, sm: 8, md: 6, lg: 4 }} gap={12} />
            <Row gutter={[12, 12]}>
              {data.rates.map((r) => (
                <Col key={r.key} xs={24} sm={8}>
                  <RateCard rate={r} onOpen={open} />
                </Col>
              ))}
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
