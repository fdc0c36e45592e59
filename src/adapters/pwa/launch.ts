/**
 * What a launch URL asks for: the manifest's shortcuts open `/?action=start` ("Start session"),
 * `/?screen=reading` ("Morning reading") and `/?screen=history` ("History"). Unknown values are ignored, so a mistyped link opens the app as usual.
 */
export interface Launch<Screen extends string> {
  readonly screen: Screen | null;
  readonly startSession: boolean;
}

export function readLaunch<Screen extends string>(
  search: string,
  screens: readonly Screen[],
): Launch<Screen> {
  const params = new URLSearchParams(search);
  const asked = params.get('screen');
  const screen = screens.find((s) => s === asked) ?? null;
  return { screen, startSession: params.get('action') === 'start' };
}
