import { useMemo } from 'react';
import { Line } from '@react-three/drei';
import { TextSprite } from './TextSprite.tsx';
import type { Domain } from '../../surfaces/surface.ts';
import { formatTick } from '../../engine/formatNumber.ts';
import { niceTicks } from '../niceTicks.ts';
import type { LandscapeFrame } from './landscapeFrame.ts';

const z = -0.005;

/** The domain's outline on the floor with x and y tick labels (sprites of a constant screen size). */
export function Axes3D({ frame, domain }: { frame: LandscapeFrame; domain: Domain }) {
  const X = (x: number) => frame.k * (x - frame.cx);
  const Y = (y: number) => frame.k * (y - frame.cy);
  const x0 = X(domain.xMin);
  const x1 = X(domain.xMax);
  const y0 = Y(domain.yMin);
  const y1 = Y(domain.yMax);
  // Stable points: drei's Line rebuilds its geometry for a new array and disposes its material,
  // which releases the fat-line shader program; it was recompiled on every slider change.
  const outline = useMemo(
    (): [number, number, number][] => [
      [x0, y0, z],
      [x1, y0, z],
      [x1, y1, z],
      [x0, y1, z],
      [x0, y0, z],
    ],
    [x0, x1, y0, y1],
  );
  return (
    <group>
      <Line points={outline} color="#4a5160" lineWidth={1} />
      {niceTicks(domain.xMin, domain.xMax, 5).map((t) => (
        <TextSprite key={`x${t}`} text={formatTick(t)} position={[X(t), y0 - 0.1, z]} />
      ))}
      {niceTicks(domain.yMin, domain.yMax, 5).map((t) => (
        <TextSprite key={`y${t}`} text={formatTick(t)} position={[x1 + 0.12, Y(t), z]} />
      ))}
      <TextSprite text="x (w₁)" position={[(x0 + x1) / 2, y0 - 0.22, z]} />
      <TextSprite text="y (w₂)" position={[x1 + 0.3, (y0 + y1) / 2, z]} />
    </group>
  );
}
