import { describe, expect, it } from 'vitest';
import { parseBatteryLevel, parseBodySensorLocation } from '../../../src/core/gatt/sensor-characteristics';
import { view } from './hrm-bytes';

describe('parseBodySensorLocation', () => {
  it('names the seven assigned locations', () => {
    const names = [0, 1, 2, 3, 4, 5, 6].map((code) => {
      const result = parseBodySensorLocation(view(code));
      return result.ok ? result.value : result.error.kind;
    });
    expect(names).toEqual(['other', 'chest', 'wrist', 'finger', 'hand', 'ear-lobe', 'foot']);
  });

  it('reports reserved codes and empty values as typed errors', () => {
    expect(parseBodySensorLocation(view(7))).toEqual({
      ok: false,
      error: { kind: 'reserved-value', field: 'body sensor location', value: 7 },
    });
    expect(parseBodySensorLocation(view())).toEqual({ ok: false, error: { kind: 'empty' } });
  });
});

describe('parseBatteryLevel', () => {
  it('reads 0 to 100 percent', () => {
    expect(parseBatteryLevel(view(0))).toEqual({ ok: true, value: 0 });
    expect(parseBatteryLevel(view(87))).toEqual({ ok: true, value: 87 });
    expect(parseBatteryLevel(view(100))).toEqual({ ok: true, value: 100 });
  });

  it('rejects a level above 100 and an empty value', () => {
    expect(parseBatteryLevel(view(101))).toEqual({
      ok: false,
      error: { kind: 'impossible-value', field: 'battery level', value: 101 },
    });
    expect(parseBatteryLevel(view())).toEqual({ ok: false, error: { kind: 'empty' } });
  });
});
