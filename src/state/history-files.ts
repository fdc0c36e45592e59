/**
 * The history's file work: the full backup, restoring one, importing RR files. Loaded by {@link History} on first
 * use (a dynamic import), so the first screen's script does not carry the backup format, its checks and the RR
 * file reader.
 */
export { backupJson, parseBackup } from '../core/export/backup';
export { importRrFile } from '../core/export/rr-import';
export { exportBackup, importSessions, restoreBackup } from '../adapters/storage/backup';
export { readBackupText, readRrFile } from '../adapters/storage/files';
