import { useMemo } from 'react';
import { Line } from '@react-three/drei';
import { TextSprite } from './TextSprite.tsx';
import type { Domain } from '../../surfaces/surface.ts';
import { tickLabels } from '../../engine/formatNumber.ts';
import { niceTicks } from '../niceTicks.ts';
import type { LandscapeFrame } from './landscapeFrame.ts';

const z = -0.005;

/** A surface's coordinates are its two weights; a slice names its own (α and β). */
const WEIGHTS = ['x (w₁)', 'y (w₂)'] as const;

/** The domain's outline on the floor with x and y tick labels (sprites of a constant screen size). */
export function Axes3D({
  frame,
  domain,
  names = WEIGHTS,
}: {
  frame: LandscapeFrame;
  domain: Domain;
  names?: readonly [string, string];
}) {
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
  const xt = niceTicks(domain.xMin, domain.xMax, 5);
  const yt = niceTicks(domain.yMin, domain.yMax, 5);
  // Labelled as a set: a tiny domain gets offset labels and the axis name says what they mean.
  const xl = tickLabels(xt);
  const yl = tickLabels(yt);
  return (
    <group>
      <Line points={outline} color="#4a5160" lineWidth={1} />
      {xt.map((t, i) => (
        <TextSprite key={`x${t}`} text={xl.labels[i]} position={[X(t), y0 - 0.1, z]} />
      ))}
      {yt.map((t, i) => (
        <TextSprite key={`y${t}`} text={yl.labels[i]} position={[x1 + 0.12, Y(t), z]} />
      ))}
      <TextSprite
        text={xl.offset ? `${names[0]} = ${xl.offset}` : names[0]}
        position={[(x0 + x1) / 2, y0 - 0.22, z]}
      />
      <TextSprite
        text={yl.offset ? `${names[1]} = ${yl.offset}` : names[1]}
        position={[x1 + 0.3, (y0 + y1) / 2, z]}
      />
    </group>
  );
}
