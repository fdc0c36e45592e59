import type { Measure } from '../../core/hrv/measure';

/** How a measure reads on screen: the value with its precision, or a dash and what it still needs. */
export function measureText(m: Measure | undefined, digits: number): { value: string; note: string } {
  if (!m) return { value: '–', note: 'waiting for beats' };
  if (m.status === 'ok') return { value: m.value.toFixed(digits), note: '' };
  return { value: '–', note: `collecting (${m.have} of ${m.need} ${m.unit})` };
}

/** The heart rate to show: the HRV engine's, or the device's own reading while the engine has none. */
export function heartRateText(
  measure: Measure | undefined,
  deviceHeartRate: number | null,
): { value: string; note: string } {
  if ((!measure || measure.status !== 'ok') && deviceHeartRate !== null)
    return { value: String(deviceHeartRate), note: 'from the device' };
  return measureText(measure, 0);
}
