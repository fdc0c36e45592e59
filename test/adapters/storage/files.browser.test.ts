import { describe, expect, it } from 'vitest';
import { readBackupText, readRrFile } from '../../../src/adapters/storage/files';
import { MAX_FILE_BYTES, MAX_RECORDING_BEATS } from '../../../src/core/export/file-limits';

/** A blob whose stream counts the bytes the reader actually pulled from it. */
function counted(blob: Blob): { blob: Blob; pulled: () => number; streams: () => number } {
  let pulled = 0;
  let streams = 0;
  const wrapper = {
    size: blob.size,
    stream: () => {
      streams += 1;
      const counter = new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          pulled += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      return blob.stream().pipeThrough(counter);
    },
  };
  return { blob: wrapper as unknown as Blob, pulled: () => pulled, streams: () => streams };
}

describe('reading chosen files, streamed and bounded', () => {
  it('reads an RR file in the browser the same as the core reads its text', async () => {
    const result = await readRrFile(
      new Blob([
        'Phone timestamp;RR-interval [ms]\r\n2026-11-22T07:30:00;812\r\n2026-11-22T07:30:01;790\r\n',
      ]),
    );
    expect(result.ok && result.value.beats.rrMs).toEqual([812, 790]);
  });

  it('refuses a 50 MB file at the line past the beat limit, having read only the start of it', async () => {
    const line = new TextEncoder().encode('812\n');
    const bytes = new Uint8Array(50 * 1_048_576);
    for (let i = 0; i < bytes.length; i += line.length) bytes.set(line, i);
    const file = counted(new Blob([bytes]));
    const result = await readRrFile(file.blob);
    expect(result).toEqual({
      ok: false,
      error: { kind: 'too-many-beats', line: MAX_RECORDING_BEATS + 1, limit: MAX_RECORDING_BEATS },
    });
    // 500,001 lines are 2 MB; the stream is read in chunks, so a little more, but far from all 50 MB.
    expect(file.pulled()).toBeGreaterThanOrEqual((MAX_RECORDING_BEATS + 1) * 4);
    expect(file.pulled()).toBeLessThan(8 * 1_048_576);
  });

  it('refuses a file over the size limit without reading a byte, for RR files and backups alike', async () => {
    const big = { size: MAX_FILE_BYTES + 1, stream: () => new Blob().stream() };
    const rr = counted(big as unknown as Blob);
    expect(await readRrFile(rr.blob)).toEqual({
      ok: false,
      error: { kind: 'too-large', sizeBytes: MAX_FILE_BYTES + 1, limitBytes: MAX_FILE_BYTES },
    });
    expect(await readBackupText(rr.blob)).toEqual({
      ok: false,
      error: { kind: 'too-large', sizeBytes: MAX_FILE_BYTES + 1, limitBytes: MAX_FILE_BYTES },
    });
    expect(rr.streams()).toBe(0);
  });

  it('says a binary file is not text: bytes that are not UTF-8, or a NUL, with the line', async () => {
    expect(await readRrFile(new Blob([new Uint8Array([0x38, 0x31, 0x32, 0x0a, 0xff, 0xfe, 0x00])]))).toEqual({
      ok: false,
      error: { kind: 'not-text', line: 2 },
    });
    expect(await readBackupText(new Blob(['{"format":\n"x\u0000"}']))).toEqual({
      ok: false,
      error: { kind: 'not-text', line: 2 },
    });
    expect(await readBackupText(new Blob(['{"a":1}']))).toEqual({ ok: true, value: '{"a":1}' });
  });
});
