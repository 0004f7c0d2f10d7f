import { useLayoutEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry } from 'three';
import { useThree } from '@react-three/fiber';
import { shown } from '../../state/shownSweep.ts';
import { sim } from '../../state/simulation.ts';
import { useLab } from '../../state/useLab.ts';
import { useShownSweepVersion } from '../../state/useShownSweep.ts';
import { runColor } from '../palette.ts';
import type { LandscapeFrame } from '../scene/landscapeFrame.ts';
import { toWorld } from '../scene/toWorld.ts';
import { fanMean, fanPaths } from './seedFan.ts';

const LIFT = 0.01;

/** Line segments along each path on the surface, in world units (toWorld), as one geometry. */
function fill(geometry: BufferGeometry, paths: readonly Float64Array[], frame: LandscapeFrame) {
  const built = sim.built;
  let count = 0;
  for (const p of paths) count += Math.max(0, p.length / 2 - 1);
  const a = new Float32Array(6 * count);
  let o = 0;
  if (built)
    for (const p of paths)
      for (let k = 0; k + 3 < p.length; k += 2) {
        if (![p[k], p[k + 1], p[k + 2], p[k + 3]].every(Number.isFinite)) continue;
        toWorld(frame, built.domain, built.objective, p[k], p[k + 1], LIFT, a, o);
        toWorld(frame, built.domain, built.objective, p[k + 2], p[k + 3], LIFT, a, o + 3);
        o += 6;
      }
  geometry.setAttribute('position', new BufferAttribute(a, 3));
  geometry.setDrawRange(0, o / 3);
  geometry.computeBoundingSphere();
}

/**
 * The seed fan on the 3D surface, as on the map: each seed's path faint in the run's colour
 * and their mean in white. Rebuilt when cells arrive, never per frame.
 */
export function SeedFan3D({ frame }: { frame: LandscapeFrame }) {
  const version = useShownSweepVersion();
  const overlay = useLab((s) => s.sweepOverlay);
  const runs = useLab((s) => s.scenario.runs);
  const invalidate = useThree((s) => s.invalidate);
  const faint = useMemo(() => new BufferGeometry(), []);
  const mean = useMemo(() => new BufferGeometry(), []);
  useLayoutEffect(
    () => () => {
      faint.dispose();
      mean.dispose();
    },
    [faint, mean],
  );
  const result = shown.sweep?.result;
  const on = !!result && result.plan.sweep.kind === 'seeds' && overlay !== 'off';
  useLayoutEffect(() => {
    if (!on || !result) return;
    const paths = fanPaths(result);
    fill(faint, paths, frame);
    fill(mean, paths.length ? [fanMean(paths)] : [], frame);
    invalidate();
  }, [on, result, version, frame, faint, mean, invalidate]);
  if (!on || !result) return null;
  const i = result.plan.sweep.run ?? 0;
  const color = runs[i] ? runColor(runs[i], i) : '#ffffff';
  return (
    <>
      <lineSegments geometry={faint} renderOrder={2}>
        <lineBasicMaterial color={color} transparent opacity={0.45} />
      </lineSegments>
      <lineSegments geometry={mean} renderOrder={3}>
        <lineBasicMaterial color="#ffffff" />
      </lineSegments>
    </>
  );
}
