import { useLayoutEffect, useMemo, useRef } from 'react';
import { CONTOUR_LEVELS } from '../map/landscapeLayer.ts';
import { BufferAttribute, BufferGeometry, type LineSegments } from 'three';
import { contourLines, heightOf, levelsFor, type ContourSet } from '../../surfaces/grid/index.ts';
import type { GridPicture } from '../../state/gridWorker.ts';
import { clipTop } from './SurfaceMesh.tsx';

/**
 * Contour lines drawn on the mesh: marching squares over the sampled f at levels chosen for the
 * height mode (log-spaced for huge ranges), each segment lifted a hair above the surface.
 */
export function ContourLines3D({
  sample,
  generation,
  lift,
}: {
  sample: GridPicture;
  generation: number;
  lift: number;
}) {
  const set = useRef<ContourSet | undefined>(undefined);
  const geometry = useMemo(() => new BufferGeometry(), []);
  const lines = useRef<LineSegments>(null);
  useLayoutEffect(() => () => geometry.dispose(), [geometry]);

  useLayoutEffect(() => {
    const levels = levelsFor(sample.stats, CONTOUR_LEVELS, sample.heightMode);
    const zLevels = levels.map((l) => heightOf(l, sample.heightMode, sample.stats.fMin));
    set.current = contourLines(
      sample.f,
      sample.n,
      sample.domain,
      levels,
      { mask: sample.mask },
      set.current,
    );
    const c = set.current;
    let pos = geometry.getAttribute('position') as BufferAttribute | undefined;
    if (!pos || pos.count < 2 * c.segmentCount) {
      pos = new BufferAttribute(new Float32Array(Math.max(1024, 6 * c.segmentCount * 1.5) | 0), 3);
      geometry.setAttribute('position', pos);
    }
    const a = pos.array as Float32Array;
    for (let li = 0; li < levels.length; li++) {
      const z = zLevels[li] + lift;
      for (let s = c.levelStart[li]; s < c.levelStart[li + 1]; s++) {
        const o = 6 * s;
        a[o] = c.segments[4 * s];
        a[o + 1] = c.segments[4 * s + 1];
        a[o + 2] = z;
        a[o + 3] = c.segments[4 * s + 2];
        a[o + 4] = c.segments[4 * s + 3];
        a[o + 5] = z;
      }
    }
    pos.needsUpdate = true;
    geometry.setDrawRange(0, 2 * c.segmentCount);
    geometry.computeBoundingSphere();
  }, [geometry, sample, generation, lift]);

  return (
    <lineSegments ref={lines} geometry={geometry} renderOrder={1}>
      <lineBasicMaterial color="#000000" transparent opacity={0.35} clippingPlanes={[clipTop]} />
    </lineSegments>
  );
}
