/**
 * ECharts as the charts use it: echarts/core with the bar and pie charts, grid, legend, tooltip and the
 * SVG renderer, imported by name so the build keeps only these parts. Chart.tsx imports this module
 * dynamically, so it is fetched only by a page that draws a chart.
 */
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { echarts };
