import type { WorkerHealth } from '../../core/hrv/protocol';

/** What the session screen says about the HRV analysis, or null while it simply runs. */
export function analysisText(health: WorkerHealth): string | null {
  switch (health.state) {
    case 'running':
      return null;
    case 'restarted':
      return (
        `The heart-rate analysis stopped unexpectedly and was restarted${health.restarts > 1 ? ` (${health.restarts} times)` : ''}. ` +
        'Every beat is kept, and the figures carry on from them.'
      );
    case 'failed':
      return (
        'The heart-rate analysis stopped and could not be restarted. Your beats are still being recorded, but the ' +
        'live figures are paused: start a new session, or reload the page after this one, to try again.'
      );
  }
}
