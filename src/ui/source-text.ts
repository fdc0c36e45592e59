/** A heart source's name for the screen, from its typed kind and its own name (a strap's, a file's). */
import type { HeartSourceKind } from '../core/heart/types';

/**
 * "Simulated heart" for the simulated heart (whatever an older record stored as its label), else the source's own
 * name, or a plain one when it has none.
 */
export function sourceName(kind: HeartSourceKind | null, label: string): string {
  if (kind === 'simulated') return 'Simulated heart';
  const own = label.trim();
  if (own) return own;
  return kind === 'bluetooth' ? 'Heart-rate strap' : 'Recording';
}
