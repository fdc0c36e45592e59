/**
 * Counts in words ("1 day", "3 days", "0 sessions") through Intl.PluralRules, so every count on screen picks
 * its form by the language's rule instead of by `=== 1`. The app's words are English, so the rules are.
 */
const rules = new Intl.PluralRules('en');
const numbers = new Intl.NumberFormat('en');

/** The word form for `n`: `one` or `other` by the plural rule. */
export function pluralWord(n: number, one: string, other: string): string {
  return rules.select(n) === 'one' ? one : other;
}

/** "1 day", "2 days", "1,250 beats". */
export function countOf(n: number, one: string, other: string): string {
  return `${numbers.format(n)} ${pluralWord(n, one, other)}`;
}
