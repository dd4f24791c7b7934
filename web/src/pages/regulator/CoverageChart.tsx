import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export interface CoverageBar {
  readonly label: string;
  readonly insured: number;
  readonly uninsured: number;
}

interface CoverageChartProps {
  readonly bars: readonly CoverageBar[];
  /** The chart's accessible name; the numbers are in the table beside it as well. */
  readonly title: string;
  readonly insuredLabel: string;
  readonly uninsuredLabel: string;
}

/**
 * UW-11 at a glance: insured and uninsured enterprises stacked per county (or per industry), drawn once
 * without animation so a screenshot or a printout shows the final figures. The same numbers are in the
 * table below it, for screen readers and for copying.
 */
export function CoverageChart({ bars, title, insuredLabel, uninsuredLabel }: CoverageChartProps) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      aria: { enabled: true, label: { description: title } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: [insuredLabel, uninsuredLabel], top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 56 },
      xAxis: { type: 'category', data: bars.map((bar) => bar.label), axisLabel: { interval: 0, rotate: bars.length > 8 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: insuredLabel, type: 'bar', stack: 'total', barMaxWidth: 48, data: bars.map((bar) => bar.insured), itemStyle: { color: '#15803d' } },
        { name: uninsuredLabel, type: 'bar', stack: 'total', barMaxWidth: 48, data: bars.map((bar) => bar.uninsured), itemStyle: { color: '#b91c1c' } },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [bars, title, insuredLabel, uninsuredLabel]);

  return <div ref={container} role="img" aria-label={title} style={{ width: '100%', height: 300 }} data-testid="coverage-chart" />;
}
