/** Chart configurations for the trends: daily RMSSD against baseline and normal range, coherence, resonance, stress. */
import type { ChartConfiguration } from 'chart.js';
import type { DayTrend } from '../../core/history/trends';
import type { AssessmentRecord } from '../../core/session/record';
import { cssColor } from './charts';
import { formatDayShort } from './format';

/** Flat axis labels, few enough to read on a phone; no vertical grid lines. */
const base = (yTitle: string) => ({
  animation: false as const,
  maintainAspectRatio: false,
  spanGaps: true,
  scales: {
    x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 5 } },
    y: { title: { display: true, text: yTitle } },
  },
});

export function rmssdTrendConfig(days: readonly DayTrend[]): ChartConfiguration {
  const labels = days.map((d) => formatDayShort(d.day));
  const band = cssColor('--line', '#d5dedc');
  return {
    type: 'line',
    data: {
      labels,
      datasets: [
        {
          label: 'Normal range (low)',
          data: days.map((d) => d.normalLowMs),
          borderColor: band,
          pointRadius: 0,
          borderWidth: 1,
        },
        {
          label: 'Normal range',
          data: days.map((d) => d.normalHighMs),
          borderColor: band,
          backgroundColor: `${band}88`,
          pointRadius: 0,
          borderWidth: 1,
          fill: '-1',
        },
        {
          label: '7-day baseline',
          data: days.map((d) => d.baselineMs),
          borderColor: cssColor('--accent', '#0f5257'),
          pointRadius: 0,
          borderWidth: 2,
        },
        {
          label: 'Daily RMSSD',
          data: days.map((d) => d.rmssdMs),
          borderColor: cssColor('--inhale', '#1f7a80'),
          showLine: false,
          pointRadius: 2.5,
        },
      ],
    },
    options: {
      ...base('RMSSD (ms)'),
      plugins: {
        legend: {
          labels: {
            usePointStyle: true,
            boxHeight: 6,
            // The band's lower edge is drawn as a line of its own; the legend names the band once.
            filter: (item: { text: string }) => item.text !== 'Normal range (low)',
          },
        },
      },
    },
  };
}

function simple(
  labels: string[],
  values: (number | null)[],
  label: string,
  color: string,
  yTitle: string,
): ChartConfiguration {
  return {
    type: 'line',
    data: {
      labels,
      datasets: [{ label, data: values, borderColor: color, pointRadius: 2, borderWidth: 1.5 }],
    },
    options: { ...base(yTitle), plugins: { legend: { display: false } } },
  };
}

export function coherenceTrendConfig(days: readonly DayTrend[]): ChartConfiguration {
  return simple(
    days.map((d) => formatDayShort(d.day)),
    days.map((d) => d.coherence),
    'Coherence',
    cssColor('--accent', '#0f5257'),
    'coherence',
  );
}

export function stressTrendConfig(days: readonly DayTrend[]): ChartConfiguration {
  return simple(
    days.map((d) => formatDayShort(d.day)),
    days.map((d) => d.stressChange),
    'Stress change',
    cssColor('--exhale', '#6a4c93'),
    'after − before',
  );
}

export function resonanceConfig(assessments: readonly AssessmentRecord[]): ChartConfiguration {
  return simple(
    assessments.map((a) => formatDayShort(a.timeMs)),
    assessments.map((a) => a.resonanceRateBpm),
    'Resonance rate',
    cssColor('--inhale', '#1f7a80'),
    'breaths / min',
  );
}
