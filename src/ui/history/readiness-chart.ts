/**
 * The morning readings' trend: daily ln RMSSD (dots) with the 7-day baseline (line) and the normal range (band),
 * and the resting heart rate on its own axis. Every calendar day from the first reading to the last has a slot,
 * so missing days show as gaps rather than being closed up.
 */
import type { ChartConfiguration } from 'chart.js';
import { addDays, dayNumber } from '../../core/history/days';
import type { ReadinessDay } from '../../core/readiness/baseline';
import { cssColor } from './charts';

export function readinessTrendConfig(days: readonly ReadinessDay[]): ChartConfiguration {
  const first = days[0];
  const last = days[days.length - 1];
  const byDay = new Map(days.map((d) => [d.day, d]));
  const labels: string[] = [];
  if (first && last)
    for (let n = dayNumber(first.day); n <= dayNumber(last.day); n += 1)
      labels.push(addDays(first.day, n - dayNumber(first.day)));
  const pick = (f: (d: ReadinessDay) => number | null) =>
    labels.map((day) => {
      const d = byDay.get(day);
      return d ? f(d) : null;
    });
  const band = cssColor('--accent', '#0f5257');
  const range = (side: 'low' | 'high') => (d: ReadinessDay) =>
    d.normalRange.status === 'ok' ? d.normalRange.value[side] : null;
  return {
    type: 'line',
    data: {
      labels,
      datasets: [
        {
          label: 'Normal range (low)',
          data: pick(range('low')),
          borderColor: 'transparent',
          pointRadius: 0,
          spanGaps: true,
        },
        {
          label: 'Normal range',
          data: pick(range('high')),
          borderColor: 'transparent',
          backgroundColor: `${band}33`,
          pointRadius: 0,
          fill: '-1',
          spanGaps: true,
        },
        {
          label: '7-day baseline',
          data: pick((d) => (d.baseline.status === 'ok' ? d.baseline.value : null)),
          borderColor: cssColor('--accent', '#0f5257'),
          pointRadius: 0,
          borderWidth: 2,
          spanGaps: true,
        },
        {
          label: 'ln RMSSD',
          data: pick((d) => d.lnRmssd),
          borderColor: cssColor('--inhale', '#1f7a80'),
          backgroundColor: cssColor('--inhale', '#1f7a80'),
          showLine: false,
          pointRadius: 3,
        },
        {
          label: 'Resting heart rate',
          data: pick((d) => d.restingHrBpm),
          borderColor: cssColor('--exhale', '#6a4c93'),
          backgroundColor: cssColor('--exhale', '#6a4c93'),
          borderWidth: 1,
          pointRadius: 2,
          spanGaps: true,
          yAxisID: 'y1',
        },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {
        y: { title: { display: true, text: 'ln RMSSD' } },
        y1: {
          position: 'right',
          title: { display: true, text: 'resting bpm' },
          grid: { drawOnChartArea: false },
        },
      },
      plugins: {
        legend: { labels: { filter: (item) => item.text !== 'Normal range (low)', boxWidth: 12 } },
      },
    },
  };
}
