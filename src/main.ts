import { mount } from 'svelte';
import App from './ui/App.svelte';
import { ResonanceStore } from './adapters/storage/store';
import { Settings } from './state/settings.svelte';
import { browserLocalStorage } from './adapters/storage/keys';
import { followTheme } from './ui/theme.svelte';
import './ui/app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
// The settings are read before the first render, so the pacer, the theme and the session length start as the
// person left them (the database opens in a few milliseconds; a failure leaves the defaults).
const opened = await ResonanceStore.open();
const settings = new Settings(opened.ok ? opened.value : null, browserLocalStorage());
await settings.load();
followTheme(() => settings.values.theme);
mount(App, { target, props: { settings, opened } });
