/**
 * The physiological range a beat must fall in to be stored at all, shared by the Bluetooth packet reader and the
 * RR-file reader so a strap and a file are held to the same test.
 *
 * - RR 200..3000 ms, that is 300..20 bpm. The fastest human heart rates recorded in adults are near 300 bpm
 *   (ventricular rates in pre-excited atrial fibrillation); 220 minus age, the usual maximum in exercise, stays
 *   well below. A sinus pause of 3 s is the threshold at which pauses are considered clinically significant
 *   (ACC/AHA/HRS 2018 guideline on bradycardia and cardiac conduction delay), so a longer "interval" is a lost
 *   signal, not a beat. Kubios HRV and NeuroKit2 use similar bounds (about 250-2000 ms) for their artifact
 *   screens; this range is wider on purpose: it rejects only what cannot be a beat, and leaves the artifact
 *   detector to label the unusual-but-possible ones (ectopic, missed) as it always has.
 * - Heart rate 20..300 bpm, the same span (heart/limits.ts, `isPlausibleHeartRate`). A strap without skin contact
 *   commonly sends 0, which is read as "no reading" and is not an impossible value.
 */

const MIN_RR_MS = 200;
const MAX_RR_MS = 3000;

/**
 * Bounds an RR in a backup (and a live beat) must keep to be read at all, ms: any positive interval a strap can
 * send (65535/1024 s). Of those, the ones no heart produces (above) are then left out, so a backup written before
 * the range was checked still restores, without them (export/backup-check.ts, `withoutImpossibleBeats`).
 */
export const MAX_STORED_RR_MS = 65_536;

/** Whether an RR interval in ms can be a heartbeat at all. */
export function isPlausibleRrMs(rrMs: number): boolean {
  return Number.isFinite(rrMs) && rrMs >= MIN_RR_MS && rrMs <= MAX_RR_MS;
}
