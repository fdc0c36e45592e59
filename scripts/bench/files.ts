/**
 * Reading RR files with the app's one reader (src/core/rr-file/reader.ts), in node (the reader is pure; the
 * browser feeds it the same chunks from Blob.stream()). Medians of several runs:
 *   rr-file-day-ms          a 24-hour Polar Sensor Logger file (100,000 beats, 3.2 MB) read whole (target 1000)
 *   rr-file-refuse-50mb-ms  a 50 MB file of RR lines, fed in 64 KiB chunks, refused at the beat limit (target 500)
 *   rr-file-refuse-read-mb  how much of that 50 MB the reader took before refusing (bounded: about 2 MB)
 */
import { parseRrText, RrFileReader } from '../../src/core/rr-file/reader';

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function dayOfPolarLines(): string {
  const lines = ['Phone timestamp;RR-interval [ms]'];
  let t = Date.UTC(2026, 10, 22);
  for (let i = 0; i < 100_000; i += 1) {
    const rr = 800 + ((i * 37) % 300);
    t += rr;
    lines.push(`${new Date(t).toISOString().replace('Z', '')};${rr}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function run(): Promise<Record<string, number>> {
  const day = dayOfPolarLines();
  const dayMs: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const start = performance.now();
    const read = parseRrText(day);
    dayMs.push(performance.now() - start);
    if (!read.ok || read.value.beats.rrMs.length !== 100_000) throw new Error('the day file did not read');
  }

  const chunk = '812\n'.repeat(16_384); // 64 KiB
  const chunks = Math.ceil((50 * 1_048_576) / chunk.length);
  const refuseMs: number[] = [];
  let readMb = 0;
  for (let i = 0; i < 3; i += 1) {
    const start = performance.now();
    const reader = new RrFileReader();
    let fed = 0;
    while (fed < chunks && reader.push(chunk) === null) fed += 1;
    refuseMs.push(performance.now() - start);
    if (fed === chunks) throw new Error('the 50 MB file was not refused');
    readMb = ((fed + 1) * chunk.length) / 1_048_576;
  }
  return {
    'rr-file-day-ms': median(dayMs),
    'rr-file-refuse-50mb-ms': median(refuseMs),
    'rr-file-refuse-read-mb': readMb,
  };
}
