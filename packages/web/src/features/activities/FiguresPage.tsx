import { useNavigate, useSearchParams } from 'react-router';
import { Alert, Card, Col, Flex, InputNumber, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useActivityFigures, type ActivityFigure, type ActivityFigures } from '../../api/activities';
import { Chart } from '../../components/Chart';
import { OpenableCard } from '../../components/FigureCard';
import { PageCard } from '../../components/PageCard';
import { SideScroll } from '../../components/SideScroll';
import { withQuery } from './common';
import { thisYear } from '../../app/timeZone';

const listPaths: Record<ActivityFigure['list'], string> = {
  activities: '/activities',
  attendance: '/activities/attendance',
  suggestions: '/activities/suggestions',
  speeches: '/activities/speeches',
  readingNotes: '/activities/reading-notes',
};

/**
 * The list behind a figure, with the figure's filter in the address; a column total (`sumOf`) opens
 * the activity list, whose total line shows the same sum.
 */
export function figureLink(figure: Pick<ActivityFigure, 'list' | 'filter'>): string {
  return withQuery(listPaths[figure.list], figure.filter);
}

/** What a rate was taken of: `9 / 10 人次（应出席人次）`. */
export function denominatorText(f: ActivityFigure): string | null {
  if (f.unit !== '%' || f.denominator === undefined) return null;
  const base = f.numerator !== undefined ? `${f.numerator} / ${f.denominator}` : `分母 ${f.denominator}`;
  return f.denominatorLabel ? `${base}（${f.denominatorLabel}）` : base;
}

const spoken = (f: ActivityFigure) =>
  `${f.label} ${f.value}${f.unit}${denominatorText(f) ? `，${denominatorText(f)}` : ''}`;

function FigureTile({ figure: f, onOpen }: { figure: ActivityFigure; onOpen: (f: ActivityFigure) => void }) {
  const below = denominatorText(f);
  return (
    <OpenableCard label={spoken(f)} filter={f} onOpen={onOpen} fill>
      <Statistic title={f.label} value={f.value} suffix={f.unit} />
      {below && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {below}
        </Typography.Text>
      )}
    </OpenableCard>
  );
}

type KindRow = ActivityFigures['byKind'][number];

/** 活动统计: the year's activities (场次) and attendance (人次, %), each opening the list it counts. */
export default function ActivityFiguresPage() {
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const year = Number(searchParams.get('year')) || thisYear();
  const figures = useActivityFigures(year);
  const data = figures.data;
  const open = (f: Pick<ActivityFigure, 'list' | 'filter'>) => navigate(figureLink(f));
  const byKind = data?.byKind ?? [];
  const keys = byKind[0]?.figures.map((f) => ({ key: f.key, label: f.label, unit: f.unit })) ?? [];

  const columns: ColumnsType<KindRow> = [
    { title: '活动类型', dataIndex: 'label', key: 'label', fixed: 'left' },
    ...keys.map(({ key, label, unit }) => ({
      title: `${label}（${unit}）`,
      key,
      align: 'right' as const,
      render: (_: unknown, row: KindRow) => {
        const f = row.figures.find((x) => x.key === key);
        return f ? (
          <Typography.Link onClick={() => open(f)} aria-label={`${row.label}${spoken(f)}`}>
            {f.value}
            {f.unit === '%' ? '%' : ''}
          </Typography.Link>
        ) : null;
      },
    })),
  ];

  return (
    <Flex vertical gap={16}>
      <PageCard
        title={`活动统计：${year}年`}
        extra={
          <InputNumber
            aria-label="年度"
            min={2000}
            max={2100}
            value={year}
            suffix="年"
            onChange={(v) => v && setSearchParams({ year: String(v) }, { replace: true })}
          />
        }
      >
        {figures.isError && <Alert type="error" showIcon title={figures.error.message} />}
        {figures.isPending && <Skeleton active />}
        {data && (
          <Flex vertical gap={16}>
            <Row gutter={[12, 12]}>
              {data.totals.map((f) => (
                <Col key={f.key} xs={12} sm={8} md={6} lg={4}>
                  <FigureTile figure={f} onOpen={open} />
                </Col>
              ))}
            </Row>
            {data.outcomes.length > 0 && (
              <>
                <Typography.Title level={5} style={{ margin: 0 }}>
                  活动成果
                </Typography.Title>
                <Row gutter={[12, 12]}>
                  {data.outcomes.map((f) => (
                    <Col key={f.key} xs={12} sm={8} md={6} lg={4}>
                      <FigureTile figure={f} onOpen={open} />
                    </Col>
                  ))}
                </Row>
              </>
            )}
            {/* One chart per figure of a kind (场次 held, 人次 attended): a chart has one unit. */}
            <Row gutter={[12, 12]}>
              {keys.map((k) => {
                const of = (r: KindRow) => r.figures.find((f) => f.key === k.key);
                return (
                  <Col key={k.key} xs={24} lg={12}>
                    <Card size="small" title={`按活动类型：${k.label}（${k.unit}）`}>
                      <Chart
                        type="bar"
                        title={`按活动类型${k.label}`}
                        unit={k.unit}
                        labels={byKind.map((r) => r.label)}
                        horizontal
                        series={[{ name: k.label, values: byKind.map((r) => of(r)?.value ?? 0) }]}
                        onSelect={(i) => {
                          const f = byKind[i] && of(byKind[i]);
                          if (f) open(f);
                        }}
                        emptyText="本年度暂无活动"
                      />
                    </Card>
                  </Col>
                );
              })}
            </Row>
          </Flex>
        )}
      </PageCard>
      {byKind.length > 0 && (
        <Card size="small" title="按活动类型">
          <SideScroll label="按活动类型的统计">
            <Table<KindRow>
              rowKey="kind"
              size="small"
              dataSource={byKind}
              columns={columns}
              pagination={false}
            />
          </SideScroll>
        </Card>
      )}
    </Flex>
  );
}
