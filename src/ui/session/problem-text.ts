/** Words for why a session could not start or stopped on its own (the state's typed {@link SessionProblem}). */
import type { SessionProblem } from '../../state/session.svelte';

/** What a second tab tells the person, on the session screen and in its notice. */
export const HELD_ELSEWHERE_TEXT =
  'A session is already running in another Resonance tab or window. Only one session can use the heart strap and ' +
  'record at a time: stop it there, or close that tab, then start here.';

/** The heart source failed: its own error text when it had one. */
export function sourceFailedText(detail: string | null): string {
  return detail ?? 'The heart source failed.';
}

export function sessionProblemText(problem: SessionProblem): string {
  switch (problem.kind) {
    case 'held-elsewhere':
      return HELD_ELSEWHERE_TEXT;
    case 'source-failed':
      return sourceFailedText(problem.detail);
    case 'analysis-failed':
      return `HRV analysis failed: ${problem.detail}`;
  }
}
