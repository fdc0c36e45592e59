/** Chart configurations for the session trends: RMSSD during practice, coherence, resonance, stress. */
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

/** RMSSD during practice per day: a line of dots, no baseline (that belongs to the morning readings). */
export function rmssdTrendConfig(days: readonly DayTrend[]): ChartConfiguration {
  return simple(
    days.map((d) => formatDayShort(d.day)),
    days.map((d) => d.rmssdMs),
    'RMSSD during practice',
    cssColor('--inhale', '#1f7a80'),
    'RMSSD (ms)',
  );
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
