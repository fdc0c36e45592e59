/** Saving a text file to the person's device (a download) and reading a chosen file. No network involved. */

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

export interface ChosenFile {
  readonly name: string;
  readonly text: string;
  readonly lastModifiedMs: number;
}

export async function readChosenFiles(files: FileList | readonly File[]): Promise<ChosenFile[]> {
  return Promise.all(
    [...files].map(async (f) => ({ name: f.name, text: await f.text(), lastModifiedMs: f.lastModified })),
  );
}
