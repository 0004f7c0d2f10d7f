import { describe, expect, it } from 'vitest';
import { defaultParams, resolveParams } from '../../../src/engine/validateParams.ts';
import { SURFACE_LIST, SURFACES } from '../../../src/surfaces/catalog/index.ts';
import { insideDomain } from '../../../src/surfaces/catalog/criticalPoints.ts';
import { paramSettings } from './paramSettings.ts';

/**
 * The ids are part of the scenario format and of shared links: this list may only grow. Renaming
 * or removing an id breaks saved scenarios (add a migration in src/scenario instead).
 */
const STABLE_IDS = [
  'ravine',
  'saddle',
  'monkey_saddle',
  'plateau',
  'sharp_flat',
  'local_minima',
  'curved_valley',
  'rosenbrock',
  'beale',
  'booth',
  'matyas',
  'himmelblau',
  'rastrigin',
  'ackley',
  'six_hump_camel',
  'three_hump_camel',
  'goldstein_price',
  'styblinski_tang',
  'mccormick',
  'easom',
  'logistic',
];

describe('surface registry', () => {
  it('holds at least 20 surfaces with unique, stable ids', () => {
    const ids = SURFACE_LIST.map((s) => s.id);
    expect(ids.length).toBeGreaterThanOrEqual(20);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of STABLE_IDS) expect(ids).toContain(id);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it('lists terrain first, then classic, then data', () => {
    const order = { terrain: 0, classic: 1, data: 2, custom: 3 };
    const ranks = SURFACE_LIST.map((s) => order[s.category]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(SURFACE_LIST.filter((s) => s.category === 'data').map((s) => s.id)).toEqual([
      'logistic',
    ]);
  });

  it('SURFACES maps every id to its entry', () => {
    expect(Object.keys(SURFACES)).toEqual(SURFACE_LIST.map((s) => s.id));
    for (const s of SURFACE_LIST) expect(SURFACES[s.id]).toBe(s);
  });

  for (const s of SURFACE_LIST)
    describe(s.id, () => {
      it('has a name, a one-line lesson and a LaTeX formula', () => {
        expect(s.name.trim()).not.toBe('');
        expect(s.lesson.length).toBeGreaterThan(20);
        expect(s.lesson).not.toContain('\n');
        expect(s.formula).toMatch(/^f(\(w\))? = /);
      });

      it('has well-formed parameters (defaults in range, help text) that validate', () => {
        const names = s.params.map((p) => p.name);
        expect(new Set(names).size).toBe(names.length);
        for (const p of s.params) {
          expect(p.help.length).toBeGreaterThan(10);
          expect(p.label.trim()).not.toBe('');
          if (p.kind === 'number') {
            expect(p.default).not.toBeNull();
            expect(p.min).toBeLessThan(p.max);
            expect(p.default!).toBeGreaterThanOrEqual(p.min);
            expect(p.default!).toBeLessThanOrEqual(p.max);
            if (p.integer) expect(Number.isInteger(p.default)).toBe(true);
            if (p.log) expect(p.min).toBeGreaterThan(0);
          }
        }
        expect(resolveParams(s.params, {}, 'surface.params')).toEqual(defaultParams(s.params));
      });

      for (const { label, params } of paramSettings(s))
        it(`domain, start and critical points are sane (${label})`, () => {
          const d = s.domain(params);
          expect(d.xMin).toBeLessThan(d.xMax);
          expect(d.yMin).toBeLessThan(d.yMax);
          const [x0, y0] = s.start(params);
          expect(insideDomain(d, x0, y0)).toBe(true);
          const obj = s.create(params, { seed: 1 });
          expect(Number.isFinite(obj.f(x0, y0))).toBe(true);
          for (const c of s.criticalPoints(params)) {
            expect(insideDomain(d, c.x, c.y)).toBe(true);
            expect(Number.isFinite(c.f)).toBe(true);
          }
        });
    });

  it('create() falls back to the defaults for missing parameters', () => {
    for (const s of SURFACE_LIST) {
      const a = s.create({}, { seed: 5 });
      const b = s.create(defaultParams(s.params), { seed: 5 });
      const [x, y] = s.start({});
      expect(a.f(x, y)).toBe(b.f(x, y));
    }
  });
});
