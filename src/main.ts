import { mount } from 'svelte';
import App from './ui/App.svelte';
import './ui/app.css';
import { registerServiceWorker } from './adapters/pwa/register';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
mount(App, { target });
registerServiceWorker();
