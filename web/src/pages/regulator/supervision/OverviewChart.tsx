import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export interface OverviewSeries {
  readonly name: string;
  readonly color: string;
  /** One value per bar, in the order of `labels`. */
  readonly values: readonly number[];
}

interface OverviewChartProps {
  /** One bar per insurer, most behind first (the table's order). */
  readonly labels: readonly string[];
  readonly series: readonly OverviewSeries[];
  /** The chart's accessible name; the same numbers are in the ranked table below it. */
  readonly title: string;
}

/**
 * Issue 14: what each insurer has past due, stacked by kind (services owed, follow-ups, archives, complaint
 * replies, major hazards) — horizontal bars so long insurer names stay readable on a phone; drawn once without
 * animation so a screenshot shows the final figures.
 */
export function OverviewChart({ labels, series, title }: OverviewChartProps) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      aria: { enabled: true, label: { description: title } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: series.map((one) => one.name), top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      // Most behind at the top: a category axis draws its first value at the bottom, so it is inverted.
      yAxis: { type: 'category', data: [...labels], inverse: true, axisLabel: { width: 120, overflow: 'truncate' } },
      xAxis: { type: 'value', minInterval: 1 },
      series: series.map((one) => ({ name: one.name, type: 'bar', stack: 'overdue', barMaxWidth: 28, data: [...one.values], itemStyle: { color: one.color } })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [labels, series, title]);

  return <div ref={container} role="img" aria-label={title} style={{ width: '100%', height: Math.max(160, 56 + labels.length * 40) }} data-testid="overview-chart" />;
}
