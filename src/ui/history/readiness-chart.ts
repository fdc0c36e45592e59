/**
 * The morning readings' trend: daily ln RMSSD (dots) with the 7-day baseline (line) and the normal range (band),
 * and the resting heart rate in a chart of its own below it. Every calendar day from the first reading to the last has a slot,
 * so missing days show as gaps rather than being closed up.
 */
import type { ChartConfiguration } from 'chart.js';
import { addDays, dayNumber } from '../../core/history/days';
import type { ReadinessDay } from '../../core/readiness/baseline';
import { cssColor } from './charts';

const shortDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** Every day from the first reading to the last, and a picker of one value per day (null on days without). */
function dailySlots(days: readonly ReadinessDay[]) {
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
  return { labels, pick };
}

/** Short day labels, few enough not to crowd a phone's width, and grid lines in the theme's colour. */
function axes(yTitle: string) {
  const line = cssColor('--line', '#d5dedc');
  return {
    x: {
      grid: { color: line },
      ticks: {
        maxRotation: 0,
        autoSkip: true,
        maxTicksLimit: 6,
        callback(this: { getLabelForValue(v: number): string }, value: string | number) {
          const [y, m, d] = this.getLabelForValue(Number(value)).split('-').map(Number);
          return shortDay.format(new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1));
        },
      },
    },
    y: { grid: { color: line }, title: { display: true, text: yTitle } },
  };
}

export function readinessTrendConfig(days: readonly ReadinessDay[]): ChartConfiguration {
  const { labels, pick } = dailySlots(days);
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
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: axes('ln RMSSD'),
      plugins: {
        legend: { labels: { filter: (item) => item.text !== 'Normal range (low)', boxWidth: 12 } },
      },
    },
  };
}

/** Resting heart rate of each morning reading, bpm. */
export function restingHrConfig(days: readonly ReadinessDay[]): ChartConfiguration {
  const { labels, pick } = dailySlots(days);
  const colour = cssColor('--exhale', '#6a4c93');
  return {
    type: 'line',
    data: {
      labels,
      datasets: [
        {
          label: 'Resting heart rate',
          data: pick((d) => d.restingHrBpm),
          borderColor: colour,
          backgroundColor: colour,
          borderWidth: 1.5,
          pointRadius: 2.5,
          spanGaps: true,
        },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: axes('bpm'),
      plugins: { legend: { display: false } },
    },
  };
}
