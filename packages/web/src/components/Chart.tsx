import { useEffect, useMemo, useRef, useState } from 'react';
import { Empty, Skeleton, theme } from 'antd';

/**
 * A bar or pie chart of counts, drawn by ECharts.
 *
 *   <Chart type="pie" title="满意度" unit="件" labels={['满意', '基本满意', '不满意']}
 *          series={[{ name: '评价', values: [113, 24, 6] }]} onSelect={(i) => open(filters[i])} />
 *   <Chart type="bar" title="承办单位" unit="件" labels={unitNames} horizontal
 *          series={[{ name: '承办', values: assigned }, { name: '已办复', values: answered }]} />
 *
 * - `labels` name the categories (bars, or pie slices); each series has one value per label. A pie
 *   draws the first series only; bars draw every series side by side, with a legend when there are several.
 * - `unit` (件, 人次, 条, 篇 …) follows every value in the tooltip and in the text screen readers get.
 * - `onSelect(labelIndex, seriesIndex)` makes bars and slices clickable, e.g. to open the list behind a value.
 * - `horizontal` lays bars out as rows (long names such as units); the height then grows with the rows.
 *
 * ECharts (chartEngine.ts: echarts/core with only the bar and pie charts and the SVG renderer) is loaded on
 * first use, so a page pays for it only when it shows a chart and the numbers beside it never wait for it.
 */
export interface ChartSeries {
  name: string;
  values: number[];
}

export interface ChartProps {
  type: 'bar' | 'pie';
  /** What the chart shows; its accessible name. */
  title: string;
  unit: string;
  labels: string[];
  series: ChartSeries[];
  horizontal?: boolean;
  /** Pixels; default 260, horizontal bars 28 per row (at least 160). */
  height?: number;
  onSelect?: (labelIndex: number, seriesIndex: number) => void;
  /** One colour per label (pie slices) or per series (bars), e.g. green for 满意; the theme's otherwise. */
  colors?: string[];
  /** Shown instead of an empty chart when every value is 0. */
  emptyText?: string;
}

type EChartsModule = (typeof import('./chartEngine'))['echarts'];
type EChartsInstance = ReturnType<EChartsModule['init']>;

let loading: Promise<EChartsModule> | undefined;

/** ECharts, fetched once on the first chart of the visit. */
function loadECharts(): Promise<EChartsModule> {
  loading ??= import('./chartEngine').then((m) => m.echarts);
  return loading;
}

/** The chart as a sentence, for screen readers (the chart itself is an image to them). */
export function chartText({
  title,
  unit,
  labels,
  series,
}: Pick<ChartProps, 'title' | 'unit' | 'labels' | 'series'>) {
  const parts = series.map((s) => {
    const values = labels.map((label, i) => `${label} ${s.values[i] ?? 0}${unit}`).join('，');
    return series.length > 1 ? `${s.name}：${values}` : values;
  });
  return `${title}：${parts.join('；')}`;
}

export function Chart(props: ChartProps) {
  const empty = props.series.every((s) => s.values.every((v) => !v));
  if (empty)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.emptyText ?? '暂无数据'} />;
  return <Drawing {...props} />;
}

function Drawing(props: ChartProps) {
  const { type, unit, labels, series, horizontal, onSelect } = props;
  const { token } = theme.useToken();
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsInstance | null>(null);
  const [ready, setReady] = useState(false);
  // Narrow charts (phones) leave slice labels out; the legend then carries the values.
  const [narrow, setNarrow] = useState(false);
  const [failed, setFailed] = useState(false);
  const select = useRef(onSelect);
  select.current = onSelect;

  const clickable = onSelect !== undefined;
  const height =
    props.height ??
    (type === 'bar' && horizontal
      ? Math.max(160, labels.length * 28 * Math.max(1, series.length * 0.75) + 40)
      : 260);

  const option = useMemo(() => {
    const colors = props.colors ?? [
      token.colorPrimary,
      token.colorSuccess,
      token.colorWarning,
      token.colorError,
      '#722ed1',
      '#13c2c2',
      '#eb2f96',
      '#fa8c16',
    ];
    const textStyle = { fontFamily: token.fontFamily, color: token.colorText };
    const tooltipValue = (v: unknown) => `${String(v)}${unit}`;
    if (type === 'pie') {
      const first = series[0] ?? { name: '', values: [] };
      return {
        color: colors,
        textStyle,
        tooltip: { trigger: 'item', valueFormatter: tooltipValue },
        legend: {
          bottom: 0,
          type: 'scroll',
          textStyle,
          formatter: (name: string) => `${name} ${first.values[labels.indexOf(name)] ?? 0}${unit}`,
        },
        series: [
          {
            type: 'pie',
            name: first.name,
            radius: ['40%', '68%'],
            center: ['50%', '45%'],
            avoidLabelOverlap: true,
            cursor: clickable ? 'pointer' : 'default',
            label: { show: !narrow, formatter: `{b} {c}${unit}`, color: token.colorText },
            data: labels.map((name, i) => ({ name, value: first.values[i] ?? 0 })),
          },
        ],
      };
    }
    const categoryAxis = {
      type: 'category',
      data: labels,
      inverse: horizontal,
      axisLabel: {
        color: token.colorTextSecondary,
        width: horizontal ? 110 : 80,
        overflow: 'truncate',
        interval: 0,
        // Column labels side by side do not fit a phone: they slant.
        rotate: narrow && !horizontal ? 40 : 0,
      },
      axisTick: { alignWithLabel: true },
    };
    const valueAxis = {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: token.colorTextSecondary },
      splitLine: { lineStyle: { color: token.colorBorderSecondary } },
    };
    return {
      color: colors,
      textStyle,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: tooltipValue },
      legend: series.length > 1 ? { top: 0, textStyle } : undefined,
      grid: { left: 8, right: 24, top: series.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: series.map((s) => ({
        type: 'bar',
        name: s.name,
        data: s.values,
        barMaxWidth: 28,
        cursor: clickable ? 'pointer' : 'default',
        label: { show: labels.length <= 12, position: horizontal ? 'right' : 'top', color: token.colorText },
      })),
    };
  }, [type, unit, labels, series, horizontal, token, clickable, narrow, props.colors]);

  // Create the chart once ECharts is loaded, and dispose of it with the component.
  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    loadECharts()
      .then((echarts) => {
        if (disposed || !container.current) return;
        const instance = echarts.init(container.current, undefined, { renderer: 'svg' });
        instance.on('click', (e) => select.current?.(e.dataIndex ?? 0, e.seriesIndex ?? 0));
        observer = new ResizeObserver(([entry]) => {
          instance.resize();
          setNarrow((entry?.contentRect.width ?? 0) < 420);
        });
        observer.observe(container.current);
        chart.current = instance;
        setReady(true);
      })
      .catch(() => setFailed(true));
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (!ready || !chart.current) return;
    chart.current.setOption(option, { notMerge: true });
  }, [ready, option]);

  return (
    <div style={{ position: 'relative', height }}>
      {!ready && !failed && <Skeleton.Node active style={{ width: '100%', height }} />}
      <div
        ref={container}
        role="img"
        aria-label={chartText(props)}
        style={{ position: 'absolute', inset: 0, visibility: ready ? 'visible' : 'hidden' }}
      />
    </div>
  );
}
