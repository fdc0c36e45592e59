/**
 * The heart rates a person can have. Below 20 bpm or above 300 bpm a reading is a device or radio fault, never
 * a heartbeat: such values are never stored and never shown as heart rate. (The fastest recorded human heart
 * rates are near 300 bpm, in infants with supraventricular tachycardia and adults with pre-excited atrial
 * fibrillation; resting rates in trained athletes go down to about 30 bpm. The bounds leave room on both sides.)
 */
export const MIN_HEART_RATE_BPM = 20;
export const MAX_HEART_RATE_BPM = 300;

/** Whether `bpm` is a heart rate a person can have (finite, 20-300 bpm inclusive). */
export function isPlausibleHeartRate(bpm: number): boolean {
  return Number.isFinite(bpm) && bpm >= MIN_HEART_RATE_BPM && bpm <= MAX_HEART_RATE_BPM;
}
