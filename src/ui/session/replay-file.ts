import { ReplaySource } from '../../adapters/sources/replay-source';
import { readRrFile } from '../../adapters/storage/files';
import { fileProblemText } from '../files/file-problem-text';
import { fail, ok, type Result } from '../../core/result';

/**
 * A recording to replay, from the file the person chose: read streamed and bounded by the same limits as import
 * and restore (core/export/file-limits.ts), or the words for why it cannot be. Loaded when first used (a dynamic
 * import from SourcePicker), so the RR file reader stays out of the first screen's script.
 */
export async function replayFromFile(file: File, speed: number): Promise<Result<ReplaySource, string>> {
  const result = await readRrFile(file);
  if (!result.ok) return fail(fileProblemText(file.name, result.error));
  return ok(new ReplaySource(file.name, result.value.beats, { speed }));
}
