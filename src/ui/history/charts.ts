/**
 * chart.js, loaded only when a chart is first shown (a dynamic import, so the first screen's bundle stays small),
 * with just the parts these charts use registered.
 */
import type { Chart as ChartType, ChartConfiguration } from 'chart.js';

let loading: Promise<typeof ChartType> | null = null;

function loadChart(): Promise<typeof ChartType> {
  loading ??= import('chart.js').then((m) => {
    m.Chart.register(
      m.LineController,
      m.ScatterController,
      m.LineElement,
      m.PointElement,
      m.LinearScale,
      m.CategoryScale,
      m.Filler,
      m.Tooltip,
      m.Legend,
    );
    return m.Chart;
  });
  return loading;
}

/** Create a chart on `canvas`; returns its teardown (for `$effect`). A chart made after teardown is destroyed at once. */
export function mountChart(canvas: HTMLCanvasElement, config: () => ChartConfiguration): () => void {
  let chart: ChartType | null = null;
  let cancelled = false;
  void loadChart().then((Chart) => {
    if (cancelled) return;
    // Axis text and grid in the theme's colours: chart.js's grey (#666) is under 3:1 on the dark surface.
    Chart.defaults.color = cssColor('--muted', '#4a5957');
    Chart.defaults.borderColor = cssColor('--line', '#d5dedc');
    chart = new Chart(canvas, config());
    canvas.dataset['ready'] = 'true';
  });
  return () => {
    cancelled = true;
    chart?.destroy();
  };
}

export function cssColor(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}
