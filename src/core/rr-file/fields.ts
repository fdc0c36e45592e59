/**
 * One line of an RR file split into fields: the delimiter (tab, semicolon or comma, whichever the line uses, else
 * spaces), RFC 4180 quotes, and numbers with `.` decimals, or `,` decimals where commas do not separate fields.
 */

/** A decimal number as text: sign, digits, an optional fraction and exponent. */
export const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export type Delimiter = '\t' | ';' | ',' | ' ';

export function delimiterOf(line: string): Delimiter {
  if (line.includes('\t')) return '\t';
  if (line.includes(';')) return ';';
  if (line.includes(',')) return ',';
  return ' ';
}

/** Split one line into fields (RFC 4180 quotes: a quoted field may hold the delimiter, `""` is a quote). */
export function splitFields(line: string, delimiter: Delimiter): string[] {
  if (delimiter === ' ') return line.trim().split(/\s+/);
  if (!line.includes('"')) return line.split(delimiter).map((f) => f.trim());
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      fields.push(field.trim());
      field = '';
    } else field += c;
  }
  fields.push(field.trim());
  return fields;
}

/** A field as a number: `.` decimals, or `,` decimals in files not separated by commas; NaN otherwise. */
export function numberText(field: string, delimiter: Delimiter): string | null {
  const text = delimiter !== ',' && /^[+-]?\d+,\d+$/.test(field) ? field.replace(',', '.') : field;
  return NUMBER.test(text) ? text : null;
}
