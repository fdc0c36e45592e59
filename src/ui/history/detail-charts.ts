/** Chart configurations for a session's detail: tachogram with artifacts, rolling RMSSD, pacer rate. */
import type { ChartConfiguration } from 'chart.js';
import type { Point, SessionSeries } from '../../core/history/session-series';
import { cssColor } from './charts';
import { BREATH_STEP_MS, type BreathTraceSlice } from '../../core/respiration/breath-trace';

function timeAxis(title: string) {
  return { type: 'linear' as const, title: { display: true, text: title } };
}

function line(
  points: Point[],
  label: string,
  color: string,
  yTitle: string,
  stepped = false,
): ChartConfiguration {
  return {
    type: 'line',
    data: {
      datasets: [{ label, data: points, borderColor: color, pointRadius: 0, borderWidth: 1.5, stepped }],
    },
    options: {
      animation: false,
      parsing: false,
      maintainAspectRatio: false,
      scales: { x: timeAxis('time (s)'), y: { title: { display: true, text: yTitle } } },
      plugins: { legend: { display: false } },
    },
  };
}

export function tachogramConfig(series: SessionSeries): ChartConfiguration {
  return {
    type: 'line',
    data: {
      datasets: [
        {
          label: 'RR interval',
          data: series.tachogram,
          borderColor: cssColor('--trace', '#0f5257'),
          pointRadius: 0,
          borderWidth: 1,
        },
        {
          label: 'Artifact',
          type: 'scatter',
          data: series.artifacts,
          borderColor: cssColor('--danger', '#9b1c1c'),
          backgroundColor: cssColor('--danger', '#9b1c1c'),
          pointRadius: 3,
        },
      ],
    },
    options: {
      animation: false,
      parsing: false,
      maintainAspectRatio: false,
      scales: { x: timeAxis('time (s)'), y: { title: { display: true, text: 'RR (ms)' } } },
    },
  };
}

export function rmssdConfig(series: SessionSeries): ChartConfiguration {
  return line(series.rmssd, 'RMSSD', cssColor('--inhale', '#1f7a80'), 'RMSSD (ms)');
}

export function coherenceConfig(series: SessionSeries): ChartConfiguration {
  return line(series.coherence, 'Coherence', cssColor('--accent', '#0f5257'), 'coherence (0-16)');
}

export function pacerConfig(series: Pick<SessionSeries, 'pacerRate'>): ChartConfiguration {
  return line(series.pacerRate, 'Pacer rate', cssColor('--exhale', '#6a4c93'), 'breaths / min', true);
}

/**
 * The breath (a chest sensor's, or the simulated heart's) on the session's time axis, named `label` in the legend;
 * gaps where nothing was measured.
 */
export function breathConfig(breath: BreathTraceSlice, label: string): ChartConfiguration {
  const data = Array.from(breath.values, (v, k) => ({
    x: (breath.startMs + k * BREATH_STEP_MS) / 1000,
    y: Number.isFinite(v) ? v : Number.NaN,
  }));
  return {
    type: 'line',
    data: {
      datasets: [
        {
          label,
          data,
          borderColor: cssColor('--trace', '#0f5257'),
          pointRadius: 0,
          borderWidth: 1,
          spanGaps: false,
        },
      ],
    },
    options: {
      animation: false,
      parsing: false,
      maintainAspectRatio: false,
      scales: {
        x: timeAxis('time (s)'),
        y: { title: { display: true, text: 'breath (in ↑)' }, ticks: { display: false } },
      },
    },
  };
}
