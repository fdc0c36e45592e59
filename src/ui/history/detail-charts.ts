/**
 * Chart configurations for a session's detail: tachogram with artifacts, the breath, rolling RMSSD, coherence and
 * the pacer rate. All the charts of one session share one time axis (`SessionSpan`, 0 to the session's end) and
 * one width of value axis, so they stand one above the other with the same second at the same place.
 */
import type { ChartConfiguration, Scale } from 'chart.js';
import type { Point, SessionSeries } from '../../core/history/session-series';
import { cssColor } from './charts';
import { BREATH_STEP_MS, type BreathTraceSlice } from '../../core/respiration/breath-trace';

/** The time axis every chart of one session shares: from its start to `endS`, in s. */
export interface SessionSpan {
  readonly endS: number;
}

/**
 * A session's span: to the later of its duration and the last point of any of its series (`lastS`), so no chart
 * cuts off a point and none ends before the others.
 */
export function sessionSpan(durationMs: number, lastS: readonly (number | undefined)[]): SessionSpan {
  const ends = lastS.filter((s): s is number => s !== undefined && Number.isFinite(s));
  return { endS: Math.max(durationMs / 1000, ...ends, 1) };
}

/** The last x of a series, if it has points. */
export const lastX = (points: readonly { readonly x: number }[]): number | undefined => points.at(-1)?.x;

/** The value axis's width, px, the same on every chart (and as room on the right where a chart has a right axis). */
const VALUE_AXIS_WIDTH_PX = 56;

/** The shared time axis; ticks at round seconds only (not at an end such as 300.9 s, crowding the one before it). */
export function timeAxis(span: SessionSpan) {
  return {
    type: 'linear' as const,
    min: 0,
    max: span.endS,
    ticks: { includeBounds: false },
    title: { display: true, text: 'time (s)' },
  };
}

/** A value axis of the shared width, so the plots of one session start and end at the same x. */
export function valueAxis(title: string) {
  return {
    title: { display: true, text: title },
    afterFit: (axis: Scale) => {
      axis.width = VALUE_AXIS_WIDTH_PX;
    },
  };
}

interface LineOptions {
  readonly stepped?: boolean;
  /** The chart stands with one that has a right axis (heart rate with its swing): leave the same room there. */
  readonly roomOnRight?: boolean;
}

function line(
  points: Point[],
  label: string,
  color: string,
  yTitle: string,
  span: SessionSpan,
  { stepped = false, roomOnRight = false }: LineOptions = {},
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
      layout: { padding: { right: roomOnRight ? VALUE_AXIS_WIDTH_PX : 0 } },
      scales: { x: timeAxis(span), y: valueAxis(yTitle) },
      plugins: { legend: { display: false } },
    },
  };
}

/**
 * The beats' RR over time, with beats labelled as artifacts marked; the legend (RR interval, Artifact) only when
 * there are artifacts to tell apart from the line.
 */
export function tachogramConfig(series: SessionSeries, span: SessionSpan): ChartConfiguration {
  const marked = series.artifacts.length > 0;
  const danger = cssColor('--danger', '#9b1c1c');
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
        ...(marked
          ? [
              {
                label: 'Artifact',
                type: 'scatter' as const,
                data: series.artifacts,
                borderColor: danger,
                backgroundColor: danger,
                pointRadius: 3,
              },
            ]
          : []),
      ],
    },
    options: {
      animation: false,
      parsing: false,
      maintainAspectRatio: false,
      scales: { x: timeAxis(span), y: valueAxis('RR (ms)') },
      plugins: { legend: { display: marked } },
    },
  };
}

export function rmssdConfig(series: SessionSeries, span: SessionSpan): ChartConfiguration {
  return line(series.rmssd, 'RMSSD', cssColor('--inhale', '#1f7a80'), 'RMSSD (ms)', span);
}

export function coherenceConfig(series: SessionSeries, span: SessionSpan): ChartConfiguration {
  return line(series.coherence, 'Coherence', cssColor('--accent', '#0f5257'), 'coherence (0-16)', span);
}

export function pacerConfig(
  series: Pick<SessionSeries, 'pacerRate'>,
  span: SessionSpan,
  roomOnRight = false,
): ChartConfiguration {
  return line(series.pacerRate, 'Pacer rate', cssColor('--exhale', '#6a4c93'), 'breaths / min', span, {
    stepped: true,
    roomOnRight,
  });
}

/** The time of a breath trace's last sample, s. */
export function breathEndS(breath: BreathTraceSlice): number {
  return (breath.startMs + (breath.values.length - 1) * BREATH_STEP_MS) / 1000;
}

/**
 * The breath (a chest sensor's, or the simulated heart's) on the session's time axis; gaps where nothing was
 * measured. `label` names it for the tooltip (the chart's title says what it is, so no legend).
 */
export function breathConfig(breath: BreathTraceSlice, label: string, span: SessionSpan): ChartConfiguration {
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
        x: timeAxis(span),
        y: { ...valueAxis('breath (in ↑)'), ticks: { display: false } },
      },
      plugins: { legend: { display: false } },
    },
  };
}
