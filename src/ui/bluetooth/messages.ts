import type { HeartStatus } from '../../core/heart/types';
import type { BluetoothProblem } from '../../adapters/bluetooth/problems';

/** What to tell the person about each problem: a headline and what to do about it. */
export interface StrapMessage {
  readonly title: string;
  readonly detail: string;
}

export function problemMessage(problem: BluetoothProblem): StrapMessage {
  switch (problem.kind) {
    case 'unsupported':
      return {
        title: 'This browser cannot pair a heart-rate strap.',
        detail:
          'Web Bluetooth is available in Chrome and Edge on desktop (Windows, macOS, ChromeOS) and on Android. ' +
          'You can practise now: the Start button above uses the simulated heart.',
      };
    case 'unavailable':
      return {
        title: 'Bluetooth is off or unavailable.',
        detail: 'Turn Bluetooth on in your system settings (or plug in an adapter), then connect again.',
      };
    case 'cancelled':
      return {
        title: 'No strap was chosen.',
        detail:
          'Wear the strap (moisten the electrodes) so it wakes up, then connect and pick it from the list.',
      };
    case 'denied':
      return {
        title: 'Bluetooth is blocked for this site.',
        detail:
          "Allow Bluetooth in the browser's site settings (the icon left of the address), then try again.",
      };
    case 'no-heart-rate':
      return {
        title: 'That device does not offer heart rate.',
        detail: 'Choose a chest strap or a watch that broadcasts heart rate.',
      };
    case 'connect-failed':
      return {
        title: 'The strap did not answer.',
        detail: `Make sure it is worn and close by, and not connected to another app. (${
          'timedOut' in problem ? `No answer within ${problem.timedOut.afterMs / 1000} s.` : problem.message
        })`,
      };
    case 'failed':
      return { title: 'Bluetooth failed.', detail: problem.message };
  }
}

/** Why the strap's signal is gone for good (the source stopped trying to reconnect). */
export function signalLostText(status: Extract<HeartStatus, { state: 'signal-lost' }>): string {
  switch (status.reason) {
    case 'not-back':
      return `The strap has not come back for ${Math.round(status.keptTryingMs / 60_000)} minutes.`;
  }
}

export const NO_CONTACT_MESSAGE: StrapMessage = {
  title: 'No skin contact.',
  detail: 'Moisten the electrodes and tighten the strap just below the chest muscles.',
};

export const NO_RR_MESSAGE: StrapMessage = {
  title: 'This device sends heart rate but no beat-to-beat (RR) intervals.',
  detail:
    'Resonance follows your heart rate instead: the swing of each breath, the resonance indicator and the pacer ' +
    'all work, and the session is kept. HRV figures need the time between individual beats; chest straps that ' +
    'send RR intervals include the Polar H10 and H9, Wahoo TICKR and Garmin HRM-Pro and HRM-Dual.',
};

/**
 * Packets the strap sent that could not be read (truncated, corrupted over the radio): said calmly, because one
 * bad packet costs at most the beats it carried and the session goes on.
 */
export function skippedPacketsMessage(count: number): StrapMessage {
  return {
    title:
      count === 1
        ? '1 unreadable packet from the strap was skipped.'
        : `${count} unreadable packets from the strap were skipped.`,
    detail:
      'Radio interference sometimes garbles a packet. The session goes on; beats in a skipped packet are ' +
      'marked as a gap. If this keeps growing, move the phone or computer closer to the strap.',
  };
}
