import { describe, expect, it } from 'vitest';
import { meanPath } from '../../../src/scenario/sweep/meanPath.ts';

describe('meanPath', () => {
  it('averages the iterates of the paths that reach them', () => {
    const a = Float64Array.of(0, 0, 2, 2, 4, 4);
    const b = Float64Array.of(2, 4, 4, 6);
    expect(Array.from(meanPath([a, null, b]))).toEqual([1, 2, 3, 4, 4, 4]);
    expect(Array.from(meanPath([]))).toEqual([]);
  });
});
