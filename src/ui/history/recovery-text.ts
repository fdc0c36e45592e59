import type { SessionRecord } from '../../core/session/record';
import { formatDuration } from './format';
import { countOf } from '../plural';

/** What the app says of sessions it finished after their tab closed or crashed; null when there were none. */
export function recoveredText(finished: readonly SessionRecord[]): string | null {
  if (finished.length === 0) return null;
  const parts = finished.map((s) => formatDuration(s.durationMs));
  const one = parts.length === 1;
  const what = one ? 'a session' : countOf(parts.length, 'session', 'sessions');
  return `Recovered ${what} (${parts.join(', ')}) that ${one ? 'was' : 'were'} open when the page closed, all but ${one ? 'its' : 'their'} last few seconds.`;
}
