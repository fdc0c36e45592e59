/** Chart configurations for a heart-rate-only session's detail: heart rate with each breath's swing. */
import type { ChartConfiguration } from 'chart.js';
import type { HeartRateSeries } from '../../core/history/heart-rate-series';
import { cssColor } from '../history/charts';
import { timeAxis, valueAxis, type SessionSpan } from '../history/detail-charts';

/** On the session's shared time axis (history/detail-charts.ts), value axes of the shared width on both sides. */
export function heartRateConfig(series: HeartRateSeries, span: SessionSpan): ChartConfiguration {
  return {
    type: 'line',
    data: {
      datasets: [
        {
          label: 'Heart rate',
          data: series.heartRate,
          borderColor: cssColor('--trace', '#0f5257'),
          pointRadius: 0,
          borderWidth: 1.5,
          spanGaps: false,
          yAxisID: 'y',
        },
        {
          label: 'Swing of the breath',
          type: 'scatter',
          data: series.swings,
          borderColor: cssColor('--exhale', '#6a4c93'),
          backgroundColor: cssColor('--exhale', '#6a4c93'),
          pointRadius: 3,
          yAxisID: 'swing',
        },
      ],
    },
    options: {
      animation: false,
      parsing: false,
      maintainAspectRatio: false,
      scales: {
        x: timeAxis(span),
        y: valueAxis('heart rate (bpm)'),
        swing: { ...valueAxis('swing (bpm)'), position: 'right', min: 0 },
      },
    },
  };
}
