import { afterEach, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { Chart } from 'chart.js';
import BeatSessionCharts from '../../../src/ui/history/BeatSessionCharts.svelte';
import HeartRateSessionCharts from '../../../src/ui/hr-only/HeartRateSessionCharts.svelte';
import { sessionSeries } from '../../../src/core/history/session-series';
import { NORMAL_BEAT, type BeatRecord, type HeartRateRecord } from '../../../src/core/session/record';

const mounted: ReturnType<typeof mount>[] = [];
afterEach(async () => {
  for (const component of mounted.splice(0)) await unmount(component);
  document.body.replaceChildren();
});

/** `count` beats about 1 s apart over a 6/min breath, with artifacts at the given beats. */
function beats(count: number, artifactAt: readonly number[] = []): BeatRecord[] {
  let timeMs = 0;
  return Array.from({ length: count }, (_, i) => {
    const rrMs = 1000 + 80 * Math.sin((2 * Math.PI * timeMs) / 10_000) + 7 * Math.sin(i * 1.7);
    timeMs += rrMs;
    return {
      rrMs,
      timeMs,
      afterGap: false,
      artifact: artifactAt.includes(i) ? 'ectopic' : NORMAL_BEAT,
      pacerRateBpm: i < count / 2 ? 6 : 5.5,
      pacerPhase: (timeMs / 10_000) % 1,
    };
  });
}

/** The charts drawn in `host`, once every canvas has its chart. */
async function chartsIn(host: HTMLElement): Promise<Chart[]> {
  const canvases = [...host.querySelectorAll('canvas')];
  expect(canvases.length).toBeGreaterThan(1);
  const endMs = performance.now() + 10_000;
  while (canvases.some((c) => c.dataset['ready'] !== 'true')) {
    if (performance.now() > endMs) throw new Error('the charts were not drawn');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return canvases.map((c) => Chart.getChart(c)!);
}

function host(widthPx: number): HTMLElement {
  const div = document.createElement('div');
  div.style.width = `${widthPx}px`;
  document.body.append(div);
  return div;
}

/** Every chart's time axis and plot area: the same range at the same place, so one second is one x everywhere. */
function expectLinedUp(charts: Chart[], endS: number): void {
  for (const chart of charts) {
    expect(chart.scales['x']?.min).toBe(0);
    expect(chart.scales['x']?.max).toBe(endS);
  }
  const [first, ...rest] = charts.map((c) => [c.chartArea.left, c.chartArea.right]);
  for (const area of rest) expect(area).toEqual(first);
}

describe('the charts of a stored session', () => {
  for (const widthPx of [320, 1000]) {
    it(`share one time axis, from the start to the session's end, and line up (${widthPx} px)`, async () => {
      const beatList = beats(280);
      // The breath was measured for the first 200 s only; the session ran on to 300 s.
      const values = Float32Array.from({ length: 4 * 200 }, (_, k) => Math.sin((2 * Math.PI * k) / 40));
      const target = host(widthPx);
      mounted.push(
        mount(BeatSessionCharts, {
          target,
          props: {
            series: sessionSeries(beatList),
            breath: { startMs: 0, values },
            simulated: false,
            durationMs: 300_000,
          },
        }),
      );
      flushSync();
      const charts = await chartsIn(target);
      // Tachogram, breath, RMSSD, coherence and pacer.
      expect(charts).toHaveLength(5);
      expectLinedUp(charts, 300);
    });
  }

  it('reaches past the stored duration when a beat does (no chart cuts its last points off)', async () => {
    const beatList = beats(200);
    const lastS = beatList.at(-1)!.timeMs / 1000;
    const target = host(400);
    mounted.push(
      mount(BeatSessionCharts, {
        target,
        props: { series: sessionSeries(beatList), breath: null, simulated: true, durationMs: 150_000 },
      }),
    );
    flushSync();
    expectLinedUp(await chartsIn(target), lastS);
  });

  it('names artifacts in the beat chart’s legend only when there are some', async () => {
    const legendOf = async (beatList: BeatRecord[]) => {
      const target = host(400);
      const component = mount(BeatSessionCharts, {
        target,
        props: { series: sessionSeries(beatList), breath: null, simulated: true, durationMs: 200_000 },
      });
      flushSync();
      const [tachogram] = await chartsIn(target);
      const shown = tachogram!.options.plugins?.legend?.display !== false;
      const labels = shown ? (tachogram!.legend?.legendItems ?? []).map((item) => item.text) : [];
      await unmount(component);
      target.remove();
      return labels;
    };
    expect(await legendOf(beats(150))).toEqual([]);
    expect(await legendOf(beats(150, [40, 90]))).toEqual(['RR interval', 'Artifact']);
  });

  it('of a heart-rate-only session share one time axis too, though the first has a second axis on the right', async () => {
    const samples: HeartRateRecord[] = Array.from({ length: 240 }, (_, i) => ({
      heartRateBpm: 65 + 6 * Math.sin((2 * Math.PI * i) / 10),
      timeMs: 1000 * (i + 1),
      afterGap: false,
      pacerRateBpm: 6,
      pacerPhase: ((i + 1) / 10) % 1,
    }));
    const target = host(360);
    mounted.push(mount(HeartRateSessionCharts, { target, props: { samples, durationMs: 250_000 } }));
    flushSync();
    const charts = await chartsIn(target);
    expect(charts).toHaveLength(2);
    expectLinedUp(charts, 250);
  });
});
