/** Chart configurations for a heart-rate-only session's detail: heart rate with each breath's swing. */
import type { ChartConfiguration } from 'chart.js';
import type { HeartRateSeries } from '../../core/history/heart-rate-series';
import { cssColor } from '../history/charts';

export function heartRateConfig(series: HeartRateSeries): ChartConfiguration {
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
        x: { type: 'linear', title: { display: true, text: 'time (s)' } },
        y: { title: { display: true, text: 'heart rate (bpm)' } },
        swing: { position: 'right', min: 0, title: { display: true, text: 'swing (bpm)' } },
      },
    },
  };
}
