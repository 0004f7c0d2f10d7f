import { useLayoutEffect, useMemo } from 'react';
import {
  BufferAttribute,
  BufferGeometry,
  Color,
  DoubleSide,
  Plane,
  SRGBColorSpace,
  Vector3,
} from 'three';
import type { ThreeEvent } from '@react-three/fiber';
import { gridIndices } from '../../surfaces/grid/index.ts';
import type { GridPicture } from '../../state/gridWorker.ts';
import { CLIP_TOP } from './landscapeFrame.ts';
import { colormapIndex, LUT_SIZE, VIRIDIS_LUT } from '../colormap.ts';

// Vertex colours are linear in three.js's colour pipeline; the LUT is sRGB.
const LINEAR_LUT = (() => {
  const lut = new Float32Array(3 * LUT_SIZE);
  const c = new Color();
  for (let i = 0; i < LUT_SIZE; i++) {
    c.setRGB(
      VIRIDIS_LUT[4 * i] / 255,
      VIRIDIS_LUT[4 * i + 1] / 255,
      VIRIDIS_LUT[4 * i + 2] / 255,
      SRGBColorSpace,
    );
    lut[3 * i] = c.r;
    lut[3 * i + 1] = c.g;
    lut[3 * i + 2] = c.b;
  }
  return lut;
})();

/** Cuts walls that rise far above the robust height range (world z, see landscapeFrame). */
export const clipTop = new Plane(new Vector3(0, 0, -1), CLIP_TOP);

interface Props {
  sample: GridPicture;
  generation: number;
  onPointerDown?: (e: ThreeEvent<PointerEvent>) => void;
  onPointerMove?: (e: ThreeEvent<PointerEvent>) => void;
  onClick?: (e: ThreeEvent<MouseEvent>) => void;
}

/**
 * The landscape as a lit, viridis-coloured mesh in domain units (the parent group scales it).
 * Geometry is allocated once per resolution; each new picture (resampled in place, or a new one
 * from the grid worker) is copied into its attributes, so the GPU buffers are never replaced. Normals are the sampler's analytic ones, never computeVertexNormals().
 */
export function SurfaceMesh({ sample, generation, onPointerDown, onPointerMove, onClick }: Props) {
  const n = sample.n;
  const geometry = useMemo(() => {
    const g = new BufferGeometry();
    g.setIndex(new BufferAttribute(gridIndices(n), 1));
    g.setAttribute('position', new BufferAttribute(new Float32Array(3 * n * n), 3));
    g.setAttribute('normal', new BufferAttribute(new Float32Array(3 * n * n), 3));
    g.setAttribute('color', new BufferAttribute(new Float32Array(3 * n * n), 3));
    return g;
  }, [n]);
  useLayoutEffect(() => () => geometry.dispose(), [geometry]);

  useLayoutEffect(() => {
    for (const [name, array] of [
      ['position', sample.positions],
      ['normal', sample.normals],
    ] as const) {
      const a = geometry.getAttribute(name) as BufferAttribute;
      (a.array as Float32Array).set(array);
      a.needsUpdate = true;
    }
    const color = geometry.getAttribute('color') as BufferAttribute;
    const c = color.array as Float32Array;
    const { zLo, zHi } = sample.stats;
    const span = zHi > zLo ? zHi - zLo : 1;
    for (let k = 0; k < n * n; k++) {
      if (sample.mask[k]) {
        c[3 * k] = c[3 * k + 1] = c[3 * k + 2] = 0.35;
        continue;
      }
      const e = 3 * colormapIndex((sample.z[k] - zLo) / span);
      c[3 * k] = LINEAR_LUT[e];
      c[3 * k + 1] = LINEAR_LUT[e + 1];
      c[3 * k + 2] = LINEAR_LUT[e + 2];
    }
    color.needsUpdate = true;
    geometry.computeBoundingSphere();
    geometry.computeBoundingBox();
  }, [geometry, sample, generation, n]);

  return (
    <mesh
      geometry={geometry}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onClick={onClick}
      name="surface"
    >
      <meshStandardMaterial
        vertexColors
        roughness={0.75}
        metalness={0.05}
        side={DoubleSide}
        clippingPlanes={[clipTop]}
        polygonOffset
        polygonOffsetFactor={1}
        polygonOffsetUnits={1}
      />
    </mesh>
  );
}
