import { mount } from 'svelte';
import App from './ui/App.svelte';
import { ResonanceStore } from './adapters/storage/store';
import { Settings } from './state/settings.svelte';
import { browserLocalStorage } from './adapters/storage/keys';
import { followTheme } from './ui/theme.svelte';
import { earlyInstallPrompt } from './adapters/pwa/install-prompt';
import { ResonanceApp } from './app/resonance-app.svelte';
import './ui/app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
// Before anything waits: the browser's install offer can come while the database opens.
const installPrompts = earlyInstallPrompt(window);
// The settings are read before the first render, so the pacer, the theme and the session length start as the
// person left them (the database opens in a few milliseconds; a failure leaves the defaults).
const opened = await ResonanceStore.open();
const settings = new Settings(opened.ok ? opened.value : null, browserLocalStorage());
await settings.load();
followTheme(() => settings.values.theme);
const app = new ResonanceApp({ settings, opened, installPrompts });
void app.launch();
mount(App, { target, props: { app } });
