import { describe, expect, it } from 'vitest';
import { analyzeRecording } from '../../../src/core/hrv/analysis';
import { coherence } from '../../../src/core/hrv/coherence';
import { LiveHrv, RMSSD_MIN_DIFFS, type LiveBeat, type LiveMetrics } from '../../../src/core/hrv/live';
import { MIN_RUN_FOR_LABELS } from '../../../src/core/hrv/live-artifacts';
import { seriesFromRr } from '../../../src/core/hrv/series';
import { timeDomain } from '../../../src/core/hrv/time-domain';
import { SimulatedHeart } from '../../../src/core/physiology/simulated-heart';
import { loadFixture, must, relDiff, sineModulatedRr } from './fixtures';

/** Beats with session times from RR values. */
function beatsOf(rrMs: number[]): LiveBeat[] {
  let t = 0;
  return rrMs.map((rr, i) => {
    t += Number.isFinite(rr) && rr > 0 ? rr : 0;
    return { seq: i + 1, rrMs: rr, timeMs: t };
  });
}

function feed(rrMs: number[]): { live: LiveHrv; all: LiveMetrics[] } {
  const live = new LiveHrv();
  return { live, all: beatsOf(rrMs).map((b) => live.push(b)) };
}

function simulatedRr(seconds: number, seed: number): number[] {
  const heart = new SimulatedHeart({ seed });
  const rr: number[] = [];
  for (let t = 0; t < seconds;) {
    const beat = heart.nextBeat((s) => 0.5 - 0.5 * Math.cos((2 * Math.PI * s) / 10));
    rr.push(beat.rrMs);
    t += beat.rrMs / 1000;
  }
  return rr;
}

function lastOf(all: LiveMetrics[]): LiveMetrics {
  const last = all[all.length - 1];
  if (!last) throw new Error('no metrics');
  return last;
}

describe('live HRV', () => {
  it('starts with not-enough-data everywhere, never NaN', () => {
    const { all } = feed([800, 810]);
    const m = all[1];
    expect(m?.heartRateBpm.status).toBe('not-enough-data');
    expect(m?.rmssdMs.status).toBe('not-enough-data');
    expect(m?.coherence.ratio.status).toBe('not-enough-data');
    expect(m?.dfaAlpha1.status).toBe('not-enough-data');
    expect(m?.spectrum.lfMs2.status).toBe('not-enough-data');
    expect(JSON.stringify(m)).not.toContain('null');
  });

  it('gives the RMSSD of the normal beats of the last 60 s, as the definition does', () => {
    const rr = simulatedRr(400, 4);
    const { all } = feed(rr);
    const last = lastOf(all);
    const times = beatsOf(rr).map((b) => b.timeMs);
    const end = times[times.length - 1 - 2] ?? 0; // the newest settled beat is two behind
    const now = times[times.length - 1] ?? 0;
    const window = rr.filter((_, i) => (times[i] ?? 0) >= now - 60_000 && (times[i] ?? 0) <= end);
    expect(relDiff(must(last.rmssdMs), must(timeDomain(seriesFromRr(window)).rmssdMs))).toBeLessThan(1e-9);
  });

  it('reports every metric after five minutes of a simulated heart, close to the recording analysis', () => {
    const rr = simulatedRr(330, 8);
    const { all } = feed(rr);
    const last = lastOf(all);
    const whole = analyzeRecording(rr.slice(-Math.round(rr.length * (300 / 330))));
    expect(must(last.heartRateBpm)).toBeGreaterThan(40);
    expect(must(last.dfaAlpha1)).toBeGreaterThan(0);
    expect(Math.abs(must(last.spectrum.lfPeakHz) - must(whole.frequencyDomain.welch.lfPeakHz))).toBeLessThan(
      0.01,
    );
    expect(must(last.coherence.ratio)).toBeGreaterThan(0);
    expect(must(last.artifactPercent)).toBeLessThan(5);
  });

  it('gives the coherence of the last 64 s of settled beats, near 9.17 for a 0.1 Hz modulation', () => {
    const rr = sineModulatedRr(0.1, 200);
    const { all } = feed(rr);
    const last = lastOf(all);
    const settled = seriesFromRr(rr.slice(0, -2));
    const batch = coherence(settled.timeS, settled.nnMs);
    expect(relDiff(must(last.coherence.ratio), must(batch.ratio))).toBeLessThan(1e-9);
    // 64 s hold 6.4 cycles, so the ratio moves a little with the phase at which the window ends.
    expect(relDiff(must(last.coherence.ratio), 9.17)).toBeLessThan(0.05);
    expect(Math.abs(must(last.spectrum.lfPeakHz) - 0.1)).toBeLessThanOrEqual(1 / 1024);
  });

  it('labels a missed beat two beats late and keeps it out of RMSSD', () => {
    const rr = sineModulatedRr(0.1, 120);
    const clean = feed(rr).all;
    const missedAt = 90;
    const broken = [...rr];
    broken.splice(missedAt, 2, (rr[missedAt] ?? 0) + (rr[missedAt + 1] ?? 0));
    const { all } = feed(broken);
    const labels = all.flatMap((m) => m.labels);
    expect(labels.find((l) => l.seq === missedAt + 1)?.label).toBe('missed');
    expect(all[missedAt + 2]?.labels.map((l) => l.seq)).toEqual([missedAt + 1]);
    expect(labels.filter((l) => l.label !== 'normal').length).toBe(1);
    const rmssdBroken = must(lastOf(all).rmssdMs);
    const rmssdClean = must(lastOf(clean).rmssdMs);
    expect(relDiff(rmssdBroken, rmssdClean)).toBeLessThan(0.05);
  });

  it('labels bad values invalid at once and carries on', () => {
    const rr = sineModulatedRr(0.1, 90);
    rr[50] = Number.NaN;
    rr[60] = -1;
    rr[70] = 4000;
    const { all } = feed(rr);
    for (const k of [50, 60, 70]) expect(all[k]?.labels).toContainEqual({ seq: k + 1, label: 'invalid' });
    expect(JSON.stringify(all)).not.toContain('NaN');
    expect(must(lastOf(all).rmssdMs)).toBeGreaterThan(0);
    expect(all.flatMap((m) => m.labels).length).toBe(rr.length - 2);
  });

  it('starts over on reset', () => {
    const { live } = feed(sineModulatedRr(0.1, 100));
    live.reset();
    const m = live.push({ seq: 1, rrMs: 800, timeMs: 800 });
    expect(m.beatCount).toBe(1);
    expect(m.rmssdMs.status).toBe('not-enough-data');
  });
});

/** Feed RR with gaps before the given indices (invalid values advance the clock by 1 s). */
function feedWithGaps(rr: number[], gaps: Set<number> = new Set()): LiveMetrics[] {
  const live = new LiveHrv();
  let t = 0;
  return rr.map((rrMs, i) => {
    t += Number.isFinite(rrMs) && rrMs > 0 ? rrMs : 1000;
    return live.push({ seq: i + 1, rrMs, timeMs: t, afterGap: gaps.has(i) });
  });
}

describe('LiveHrv RMSSD and heart rate', () => {
  it('says not enough data until RMSSD has its beats', () => {
    // Beats enter the HRV windows once their artifact label settles: the session's first labels wait for
    // MIN_RUN_FOR_LABELS beats, then settle all but the last two at once.
    const out = feedWithGaps(Array.from({ length: MIN_RUN_FOR_LABELS + 3 }, () => 1000));
    expect(out[MIN_RUN_FOR_LABELS - 2]?.rmssdMs).toEqual({
      status: 'not-enough-data',
      have: 0,
      need: RMSSD_MIN_DIFFS,
      unit: 'beats',
    });
    expect(out[MIN_RUN_FOR_LABELS - 1]?.rmssdMs).toEqual({ status: 'ok', value: 0 });
  });

  it('computes RMSSD from its definition over the last 60 s', () => {
    const rr = Array.from({ length: 120 }, (_, i) => 900 + (i % 2 === 0 ? 40 : -40));
    const last = feedWithGaps(rr).at(-1);
    // Alternating ±40 ms gives successive differences of 80 ms.
    expect(last?.rmssdMs).toEqual({ status: 'ok', value: 80 });
    expect(last?.heartRateBpm.status === 'ok' && last.heartRateBpm.value).toBeCloseTo(60_000 / 900, 6);
  });

  it('gives zero for a constant series and never takes a difference across a gap', () => {
    const rr = Array.from({ length: 60 }, (_, i) => (i < 30 ? 800 : 1000));
    expect(feedWithGaps(rr, new Set([30])).at(-1)?.rmssdMs).toEqual({ status: 'ok', value: 0 });
    expect(feedWithGaps(rr).at(-1)?.rmssdMs.status === 'ok' && feedWithGaps(rr).at(-1)?.rmssdMs).not.toEqual({
      status: 'ok',
      value: 0,
    });
  });

  it('rejects absurd intervals without crashing or bridging them', () => {
    const rr = [
      ...Array.from({ length: 30 }, () => 800),
      Number.NaN,
      0,
      5000,
      ...Array.from({ length: 30 }, () => 1000),
    ];
    const last = feedWithGaps(rr).at(-1);
    expect(last?.beatCount).toBe(63);
    expect(last?.rmssdMs).toEqual({ status: 'ok', value: 0 });
  });
});

describe('LiveHrv spectrum', () => {
  it('says how many seconds of beats it has until three 64 s segments are in', () => {
    const { all } = feed(sineModulatedRr(0.1, 100));
    const spectrum = lastOf(all).spectrum.lfMs2;
    expect(spectrum.status).toBe('not-enough-data');
    if (spectrum.status === 'not-enough-data') {
      expect(spectrum.need).toBe(128);
      expect(spectrum.unit).toBe('s');
      expect(spectrum.have).toBeGreaterThan(90);
    }
  });
});

describe('LiveHrv artifact labels on the injected recording', () => {
  it('flags every injected artifact as the beats arrive', () => {
    const f = loadFixture('polar_h10_dhyb_injected');
    const { all } = feed(f.rrMs);
    const flagged = new Set(
      all.flatMap((m) => m.labels.filter((l) => l.label !== 'normal').map((l) => l.seq - 1)),
    );
    for (const k of f.numbers('injected_rr_indices_all')) {
      const partner = k === 216 ? 217 : k === 217 ? 216 : k;
      expect(flagged.has(k) || flagged.has(partner), `RR ${k}`).toBe(true);
    }
    // Every beat is labelled exactly once.
    expect(all.flatMap((m) => m.labels).length).toBe(f.rrMs.length - 2);
  });
});

describe('live breathing rate from the heart rhythm', () => {
  it('reads a simulated person breathing with a 6/min pacer and says the heart follows it', () => {
    const heart = new SimulatedHeart({ seed: 9 });
    const breathing = (t: number) => 0.5 - 0.5 * Math.cos((2 * Math.PI * t * 6) / 60);
    const live = new LiveHrv();
    let metrics: LiveMetrics | null = null;
    let seq = 0;
    while (heart.timeS < 150) {
      const b = heart.nextBeat(breathing);
      seq += 1;
      metrics = live.push({ seq, rrMs: b.rrMs, timeMs: b.timeS * 1000, pacerRateBpm: 6 });
    }
    const r = metrics!.respiration;
    expect(r.status === 'ok' && Math.abs(r.rateBpm - 6)).toBeLessThan(1);
    expect(r.pacer).toBe('follows');
  });

  it('cannot estimate in the first minute', () => {
    const live = new LiveHrv();
    let metrics: LiveMetrics | null = null;
    for (let i = 1; i <= 40; i += 1) metrics = live.push({ seq: i, rrMs: 1000, timeMs: i * 1000 });
    expect(metrics!.respiration).toEqual({
      status: 'cannot-estimate',
      reason: 'too-short',
      pacer: 'no-pacer',
    });
  });
});
