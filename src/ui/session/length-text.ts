import type { SessionLength } from '../../state/settings.svelte';

/** A session length in words: "10 min", or "Open" for a session that runs until stopped. */
export function lengthLabel(length: SessionLength): string {
  return length === 'open' ? 'Open' : `${length} min`;
}

/** Minutes and seconds, as a clock shows them: 9:05. */
export function clockText(totalS: number): string {
  const s = Math.max(0, Math.floor(totalS));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
