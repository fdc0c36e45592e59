/**
 * The one set of limits on files the person brings in, shared by RR-file import, replay and backup restore (and
 * `npm run analyze`), so no file, however large or strange, makes the tab do unbounded work.
 *
 * - Size: 96 MiB. A day of beats as RR text is under 3 MB; a backup holds up to about 50 bytes a beat (JSON
 *   columns of a Bluetooth session), so 96 MiB is some 2 million beats, well over a year of an hour's practice
 *   every day. Larger files are refused before a byte is read.
 * - Length: 500,000 beats in one recording or one backed-up session, more than a whole day at 300 bpm. A
 *   stream of RR values past it is refused at the line where it passes, without reading the rest.
 * - Line length: 4,096 characters. Every RR layout has short lines; a longer one (a binary file, a file with
 *   no line breaks) is refused as soon as it passes.
 */

export const MAX_FILE_BYTES = 96 * 1_048_576;
export const MAX_RECORDING_BEATS = 500_000;
export const MAX_LINE_CHARS = 4_096;
