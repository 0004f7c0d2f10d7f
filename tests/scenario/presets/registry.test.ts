import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/scenario/parseScenario.ts';
import { PRESETS, PRESETS_BY_ID } from '../../../src/scenario/presets/index.ts';
import { LIMITS } from '../../../src/scenario/scenario.ts';

const camel = (id: string) => id.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
const sentences = (text: string) => text.split(/(?<=[.!?])\s+(?=[A-Z])/).length;

describe('preset registry', () => {
  it('has at least 14 presets with unique, stable-looking ids', () => {
    expect(PRESETS.length).toBeGreaterThanOrEqual(14);
    const ids = PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(Object.keys(PRESETS_BY_ID)).toEqual(ids);
  });

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
