/**
 * Saving a text file to the person's device (a download) and reading a chosen one. No network involved.
 *
 * Reading is bounded (core/export/file-limits.ts): a file over the size limit is refused before a byte is read,
 * and the rest is streamed (`Blob.stream()`, File API) through a strict UTF-8 decoder (Encoding Standard,
 * `fatal: true`), so a binary file is refused at its first byte that is not text, and an RR file at the first
 * line past a limit, without the rest ever being read.
 */
import { MAX_FILE_BYTES } from '../../core/export/file-limits';
import type { FileProblem } from '../../core/rr-file/problems';
import type { Result } from '../../core/result';
import { RrFileReader, type RrFileResult } from '../../core/rr-file/reader';

export function downloadText(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the URL is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Where decoded text goes, chunk by chunk; a problem stops the reading. */
interface TextSink {
  push(text: string): FileProblem | null;
  /** The line being read, to name it when the bytes turn out not to be text. */
  readonly line: number;
}

/**
 * Stream a file's text into `sink`; the problem that stopped it, or null once all of it was taken. With `fatal`
 * the first byte that is not UTF-8 stops the reading; without, it becomes U+FFFD for the sink to find (and name
 * its line).
 */
async function streamText(file: Blob, sink: TextSink, fatal: boolean): Promise<FileProblem | null> {
  if (file.size > MAX_FILE_BYTES)
    return { kind: 'too-large', sizeBytes: file.size, limitBytes: MAX_FILE_BYTES };
  const decoder = new TextDecoder('utf-8', { fatal });
  const reader = file.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      let text: string;
      try {
        text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      } catch {
        return { kind: 'not-text', line: sink.line };
      }
      const problem = text === '' ? null : sink.push(text);
      if (problem) return problem;
      if (done) return null;
    }
  } finally {
    // Stop reading (a no-op once done): nothing after a problem is read.
    reader.cancel().catch(() => {});
  }
}

/** Read an RR file for import or replay (core/rr-file/reader.ts), streamed and bounded. */
export async function readRrFile(file: Blob): Promise<RrFileResult> {
  const reader = new RrFileReader();
  let problem: FileProblem | null;
  try {
    // The reader refuses U+FFFD, where bytes were not UTF-8, at its line.
    problem = await streamText(file, reader, false);
  } catch {
    return { ok: false, error: { kind: 'unreadable' } };
  }
  return problem ? { ok: false, error: problem } : reader.finish();
}

export type TextFileResult = Result<string, FileProblem>;

/** Read a backup's whole text, within the same size limit, refusing a file that is not text. */
export async function readBackupText(file: Blob): Promise<TextFileResult> {
  const parts: string[] = [];
  let line = 1;
  const sink: TextSink = {
    push(text) {
      const nul = text.indexOf('\u0000');
      line += text.slice(0, nul < 0 ? text.length : nul).match(/\r\n|\r|\n/g)?.length ?? 0;
      if (nul >= 0) return { kind: 'not-text', line };
      parts.push(text);
      return null;
    },
    get line() {
      return line;
    },
  };
  let problem: FileProblem | null;
  try {
    // Fatal: a backup's notes may hold any character, U+FFFD included, so only undecodable bytes count.
    problem = await streamText(file, sink, true);
  } catch {
    return { ok: false, error: { kind: 'unreadable' } };
  }
  return problem ? { ok: false, error: problem } : { ok: true, value: parts.join('') };
}
