import { BarChart, GaugeChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { dialScale } from './fee-ledger';

echarts.use([BarChart, GaugeChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

/** Draws `option` once into a div (no animation: screenshots and printouts show the final figures). */
function useChart(option: echarts.EChartsCoreOption) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.setOption({ animation: false, ...option });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return container;
}

interface SpendGaugeProps {
  /** Spent ÷ premium ex-tax in basis points; null when no premium was received yet. */
  readonly ratioBasisPoints: number | null;
  readonly floorBasisPoints: number;
  readonly ceilingBasisPoints: number;
  /** The chart's accessible name (the figures are written beside it as well). */
  readonly title: string;
}

/**
 * FEE-4, FEE-5: the year's spending ratio on a dial from 0 to 1.5 × the ceiling: red below the floor (15%),
 * green between floor and ceiling, orange above the ceiling (21%), with both marks labelled.
 */
export function SpendGauge({ ratioBasisPoints, floorBasisPoints, ceilingBasisPoints, title }: SpendGaugeProps) {
  const floor = floorBasisPoints / 100;
  const ceiling = ceilingBasisPoints / 100;
  const { max, step } = dialScale(floor, ceiling);
  const value = ratioBasisPoints === null ? 0 : Math.min(ratioBasisPoints / 100, max);
  const option = useMemo<echarts.EChartsCoreOption>(() => ({
    aria: { enabled: true, label: { description: title } },
    series: [
      {
        type: 'gauge',
        min: 0,
        max,
        splitNumber: Math.round(max / step),
        radius: '95%',
        center: ['50%', '60%'],
        startAngle: 200,
        endAngle: -20,
        axisLine: {
          lineStyle: {
            width: 14,
            color: [
              [floor / max, '#b91c1c'],
              [ceiling / max, '#15803d'],
              [1, '#c2410c'],
            ],
          },
        },
        pointer: { width: 5, itemStyle: { color: '#1f2937' } },
        axisTick: { distance: -14, length: 5, lineStyle: { color: '#fff' } },
        splitLine: { distance: -14, length: 14, lineStyle: { color: '#fff', width: 2 } },
        axisLabel: {
          distance: 18,
          color: '#374151',
          fontSize: 11,
          formatter: (tick: number) => (Math.abs(tick - floor) < 1e-9 || Math.abs(tick - ceiling) < 1e-9 ? `{mark|${tick}%}` : `${tick}%`),
          rich: { mark: { fontWeight: 'bold', color: '#111827', fontSize: 12 } },
        },
        detail: {
          valueAnimation: false,
          offsetCenter: [0, '35%'],
          fontSize: 22,
          color: '#111827',
          formatter: () => (ratioBasisPoints === null ? '—' : `${(ratioBasisPoints / 100).toFixed(2)}%`),
        },
        data: [{ value }],
      },
    ],
  }), [max, floor, ceiling, value, ratioBasisPoints, title]);
  const container = useChart(option);
  return <div ref={container} role="img" aria-label={title} style={{ width: '100%', height: 220 }} data-testid="fee-gauge" />;
}

export interface MonthBar {
  readonly label: string;
  /** 元, as numbers for the chart only (the exact figures are in the ledger). */
  readonly accrued: number;
  readonly spent: number;
}

interface MonthlyChartProps {
  readonly months: readonly MonthBar[];
  readonly title: string;
  readonly accruedLabel: string;
  readonly spentLabel: string;
}

/** Accrued against spent, month by month, drawn without animation. */
export function MonthlyFeeChart({ months, title, accruedLabel, spentLabel }: MonthlyChartProps) {
  const option = useMemo<echarts.EChartsCoreOption>(() => ({
    aria: { enabled: true, label: { description: title } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: [accruedLabel, spentLabel], top: 0 },
    grid: { left: 64, right: 16, top: 32, bottom: 28 },
    xAxis: { type: 'category', data: months.map((month) => month.label) },
    yAxis: { type: 'value' },
    series: [
      { name: accruedLabel, type: 'bar', barMaxWidth: 18, data: months.map((month) => month.accrued), itemStyle: { color: '#1d4ed8' } },
      { name: spentLabel, type: 'bar', barMaxWidth: 18, data: months.map((month) => month.spent), itemStyle: { color: '#c2410c' } },
    ],
  }), [months, title, accruedLabel, spentLabel]);
  const container = useChart(option);
  return <div ref={container} role="img" aria-label={title} style={{ width: '100%', height: 220 }} data-testid="fee-monthly-chart" />;
}
