import type { NumberParam, ParamValues } from '../../../src/engine/params.ts';
import { defaultParams } from '../../../src/engine/validateParams.ts';
import type { SurfaceDef } from '../../../src/surfaces/surface.ts';

/**
 * The parameter settings every surface is tested at: the defaults, each number parameter alone
 * at its min and at its max, and all of them at their mins and at their maxes together.
 */
export function paramSettings(s: SurfaceDef): { label: string; params: ParamValues }[] {
  const base = defaultParams(s.params);
  const nums = s.params.filter((p): p is NumberParam => p.kind === 'number');
  const out = [{ label: 'defaults', params: base }];
  for (const p of nums) {
    out.push({ label: `${p.name}=min`, params: { ...base, [p.name]: p.min } });
    out.push({ label: `${p.name}=max`, params: { ...base, [p.name]: p.max } });
  }
  if (nums.length > 1) {
    out.push({
      label: 'all min',
      params: { ...base, ...Object.fromEntries(nums.map((p) => [p.name, p.min])) },
    });
    out.push({
      label: 'all max',
      params: { ...base, ...Object.fromEntries(nums.map((p) => [p.name, p.max])) },
    });
  }
  return out;
}
