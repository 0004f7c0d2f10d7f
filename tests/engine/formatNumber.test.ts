import { describe, expect, it } from 'vitest';
import {
  fmtNum,
  fmtParam,
  formatLogTick,
  formatNumber,
  formatPoint,
  formatTick,
} from '../../src/engine/formatNumber.ts';

describe('numbers as text', () => {
  it('messages: six significant digits, no trailing zeros', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(1 / 3)).toBe('0.333333');
    expect(formatPoint(1.5, -2)).toBe('(1.5, -2)');
  });

  it('readouts: four digits, exponent form outside [1e-4, 1e6), symbols for NaN and ∞', () => {
    expect(fmtNum(3.14159)).toBe('3.142');
    expect(fmtNum(1.23456e-7)).toBe('1.23e-7');
    expect(fmtNum(2.5e6)).toBe('2.50e6');
    expect(fmtNum(-Infinity)).toBe('−∞');
    expect(fmtNum(NaN)).toBe('NaN');
  });

  it('axis ticks: linear labels switch to exponents outside [1e-3, 1e4); log labels use 10ⁿ', () => {
    expect(formatTick(0.25)).toBe('0.25');
    expect(formatTick(15000)).toBe('1.5e4');
    expect(formatTick(0)).toBe('0');
    expect(formatLogTick(100)).toBe('100');
    expect(formatLogTick(1e-5)).toBe('10⁻⁵');
    expect(formatLogTick(2e-5)).toBe('2e-5');
  });

  it('parameter values', () => {
    expect(fmtParam(null)).toBe('= steps');
    expect(fmtParam(null, true)).toBe('None');
    expect(fmtParam(true)).toBe('on');
    expect(fmtParam([0.9, 0.999])).toBe('0.9, 0.999');
  });
});
