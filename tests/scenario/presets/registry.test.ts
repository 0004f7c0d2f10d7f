import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/scenario/parseScenario.ts';
import { modelWeights, parseModelScenario, pointsOf } from '../../../src/scenario/modelScenario.ts';
import {
  NETWORK_PRESETS,
  PRESETS,
  PRESETS_BY_ID,
  isNetworkPreset,
} from '../../../src/scenario/presets/index.ts';
import { LIMITS } from '../../../src/scenario/scenario.ts';

const camel = (id: string) => id.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
const sentences = (text: string) => text.split(/(?<=[.!?])\s+(?=[A-Z])/).length;

describe('preset registry', () => {
  it('has at least 14 presets with unique, stable-looking ids', () => {
    expect(PRESETS.length).toBeGreaterThanOrEqual(14);
    const ids = PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(Object.keys(PRESETS_BY_ID)).toEqual([...ids, ...NETWORK_PRESETS.map((p) => p.id)]);
    expect(new Set(Object.keys(PRESETS_BY_ID)).size).toBe(PRESETS.length + NETWORK_PRESETS.length);
  });

  it('lists surface lessons and network lessons apart', () => {
    expect(PRESETS.some(isNetworkPreset)).toBe(false);
    expect(NETWORK_PRESETS.every(isNetworkPreset)).toBe(true);
    expect(NETWORK_PRESETS.length).toBeGreaterThanOrEqual(8);
  });

  for (const p of NETWORK_PRESETS) {
    it(`${p.id}: a valid network scenario, small enough to train in the page in a few seconds`, () => {
      const s = parseModelScenario(p.scenario);
      expect(p.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(s.runs.length).toBeGreaterThanOrEqual(1);
      expect(s.runs.length).toBeLessThanOrEqual(3);
      expect(s.slice).not.toBeNull();
      expect(modelWeights(s.model)).toBeLessThanOrEqual(1500);
      expect(s.steps).toBeLessThanOrEqual(500);
      expect(pointsOf(s.model.data)).toBeLessThanOrEqual(300);
      expect(p.title.length).toBeGreaterThan(5);
      expect(sentences(p.explanation)).toBeGreaterThanOrEqual(2);
      expect(sentences(p.explanation)).toBeLessThanOrEqual(4);
      expect(p.tryThis.length).toBeGreaterThan(20);
      for (const r of s.runs) {
        expect(r.label).not.toBeNull();
        expect(r.label!.length).toBeLessThanOrEqual(LIMITS.maxLabel);
      }
    });

    it(`${p.id}: has its own lesson test`, () => {
      const file = new URL(`./${camel(p.id)}.test.ts`, import.meta.url);
      expect(existsSync(file)).toBe(true);
    });
  }

  for (const p of PRESETS) {
    it(`${p.id}: a valid scenario with a title, a short explanation and an experiment`, () => {
      const s = parseScenario(p.scenario);
      expect(s.runs.length).toBeGreaterThanOrEqual(1);
      expect(s.runs.length).toBeLessThanOrEqual(LIMITS.maxRuns);
      expect(p.title.length).toBeGreaterThan(5);
      expect(sentences(p.explanation)).toBeGreaterThanOrEqual(2);
      expect(sentences(p.explanation)).toBeLessThanOrEqual(4);
      expect(p.tryThis.length).toBeGreaterThan(20);
      for (const r of s.runs) {
        expect(r.label).not.toBeNull();
        expect(r.label!.length).toBeLessThanOrEqual(LIMITS.maxLabel);
      }
    });

    it(`${p.id}: has its own lesson test`, () => {
      const file = new URL(`./${camel(p.id)}.test.ts`, import.meta.url);
      expect(existsSync(file)).toBe(true);
    });
  }
});
