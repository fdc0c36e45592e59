/// <reference lib="webworker" />
/**
 * The HRV worker: receives a session's beats and the pacer's breaths and answers with live metrics and the pacer's
 * per-breath response, and computes a stored session's chart series for its detail screen. It only exposes the core's engine; the page never
 * computes HRV itself.
 */
import { HrvEngine } from '../src/core/hrv/engine';
import type { HrvRequest, HrvResponse } from '../src/core/hrv/protocol';

declare const self: DedicatedWorkerGlobalScope;

const engine = new HrvEngine();
const post = (message: HrvResponse): void => self.postMessage(message);

self.onmessage = (event: MessageEvent<HrvRequest>) => engine.handle(event.data, post);
