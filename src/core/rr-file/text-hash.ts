/** The content id of an RR file's text, so the same file imported twice is one recording. */

/**
 * FNV-1a (Fowler, Noll, Vo; 32-bit, offset 2166136261, prime 16777619) over the UTF-16 code units, twice with
 * different offsets for 64 bits; fed chunk by chunk it gives the same id as over the whole text.
 */
export class TextHash {
  #a = 0x811c9dc5;
  #b = 0x01000193 ^ 0x5bd1e995;
  push(text: string): void {
    let a = this.#a;
    let b = this.#b;
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193) >>> 0;
      b = Math.imul(b ^ c, 0x01000193) >>> 0;
    }
    this.#a = a;
    this.#b = b;
  }
  get id(): string {
    return `rr-${this.#a.toString(16).padStart(8, '0')}${this.#b.toString(16).padStart(8, '0')}`;
  }
}
