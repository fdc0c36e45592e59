interface ImportMetaEnv {
  /** The build's version marker, set in vite.config.ts (RESONANCE_VERSION, else package.json's version). */
  readonly VITE_APP_VERSION?: string;
}
