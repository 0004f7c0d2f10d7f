import { describe, expect, it } from 'vitest';
import { adam } from '../../src/engine/optimizers/adam.ts';
import { sgd } from '../../src/engine/optimizers/sgd.ts';
import { multiStepLR } from '../../src/engine/schedules/multiStepLR.ts';
import {
  paramProblem,
  parseDomainBound,
  parseIntegerIn,
  parseListFor,
  parseNumberFor,
  parseNumberText,
} from '../../src/view/panels/parseInput.ts';

const spec = (def: { params: readonly { name: string }[] }, name: string) =>
  def.params.find((p) => p.name === name) as Parameters<typeof paramProblem>[0];

describe('parseNumberText', () => {
  it('reads decimals as people type them', () => {
    expect(parseNumberText('0.001')).toBe(0.001);
    expect(parseNumberText(' 1e-3 ')).toBe(0.001);
    expect(parseNumberText('-.5')).toBe(-0.5);
    expect(parseNumberText('+2.')).toBe(2);
    expect(parseNumberText('3E2')).toBe(300);
  });
  it('rejects what Number() would silently accept or half-typed input', () => {
    for (const t of ['', ' ', '0x10', '1e-', '1,5', 'Infinity', 'NaN', '1e999', '.', '--1', '1 2'])
      expect(parseNumberText(t)).toBeNull();
  });
});

describe('typed values are validated by the engine with the field named', () => {
  it('lr must be > 0', () => {
    const r = parseNumberFor(spec(sgd, 'lr'), '0');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe('lr: must be in (0, 1000000] (got 0)');
    expect(parseNumberFor(spec(sgd, 'lr'), '1e-3')).toEqual({ ok: true, value: 0.001 });
  });
  it('a non-number names the field', () => {
    const r = parseNumberFor(spec(sgd, 'momentum'), 'abc');
    expect(!r.ok && r.message.startsWith('momentum:')).toBe(true);
  });
  it('a tuple item is checked in place and named by its index', () => {
    const betas = spec(adam, 'betas');
    const r = parseNumberFor(betas, '1', (n) => [0.9, n], 'betas[1]');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe('betas[1]: must be in [0, 1) (got 1)');
    expect(parseNumberFor(betas, '0.99', (n) => [0.9, n]).ok).toBe(true);
  });
  it('milestones are a strictly increasing list of whole numbers', () => {
    const m = spec(multiStepLR, 'milestones');
    expect(parseListFor(m, '100, 200')).toEqual({ ok: true, value: [100, 200] });
    expect(parseListFor(m, '')).toEqual({ ok: true, value: [] });
    const dec = parseListFor(m, '200, 100');
    expect(!dec.ok && dec.message).toBe('milestones: must be strictly increasing');
    const frac = parseListFor(m, '10.5');
    expect(!frac.ok && frac.message).toBe('milestones[0]: must be a whole number');
    const junk = parseListFor(m, '10, x');
    expect(!junk.ok && junk.message.includes('"x" is not a number')).toBe(true);
  });
});

describe('scenario numbers', () => {
  it('keeps domain bounds ordered', () => {
    const d: [number, number, number, number] = [-3, 3, -3, 3];
    expect(parseDomainBound(d, 0, '-5')).toEqual({ ok: true, value: -5 });
    const bad = parseDomainBound(d, 0, '4');
    expect(!bad.ok && bad.message).toBe('x min: must be below x max (3)');
    const bad2 = parseDomainBound(d, 3, '-3');
    expect(!bad2.ok && bad2.message).toBe('y max: must be above y min (-3)');
  });
  it('reads whole numbers in range', () => {
    expect(parseIntegerIn('steps', '500', 1, 10000)).toEqual({ ok: true, value: 500 });
    expect(parseIntegerIn('steps', '0', 1, 10000).ok).toBe(false);
    expect(parseIntegerIn('steps', '2.5', 1, 10000).ok).toBe(false);
  });
});
