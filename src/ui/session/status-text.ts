import type { HeartStatus } from '../../core/heart/types';
import { signalLostText } from '../bluetooth/messages';

/** Plain words for a source's state. */
export function statusText(status: HeartStatus | null, label: string): string {
  if (!status) return 'Choose a heart source to begin.';
  switch (status.state) {
    case 'connecting':
      return `Connecting to ${label}…`;
    case 'live':
      return `Live: ${label}`;
    case 'signal-lost':
      return `Signal lost from ${label}: ${signalLostText(status)}`;
    case 'reconnecting':
      return `Reconnecting to ${label} (attempt ${status.attempt}, next try in ${Math.ceil(status.nextRetryMs / 1000)} s). Your session continues.`;
    case 'ended':
      return status.reason === 'finished' ? `${label} finished.` : 'Session ended.';
  }
}
