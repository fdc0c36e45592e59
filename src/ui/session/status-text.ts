import type { HeartStatus } from '../../core/heart/types';
import { signalLostText } from '../bluetooth/messages';

/** Plain words for a source's state; `name` is the source's as the screen shows it (src/ui/source-text.ts). */
export function statusText(status: HeartStatus | null, name: string): string {
  if (!status) return 'Choose a heart source to begin.';
  switch (status.state) {
    case 'connecting':
      return `Connecting to ${name}…`;
    case 'live':
      return `Live: ${name}`;
    case 'signal-lost':
      return `Signal lost from ${name}: ${signalLostText(status)}`;
    case 'reconnecting':
      return `Reconnecting to ${name} (attempt ${status.attempt}, next try in ${Math.ceil(status.nextRetryMs / 1000)} s). Your session continues.`;
    case 'ended':
      return status.reason === 'finished' ? `${name} finished.` : 'Session ended.';
  }
}
