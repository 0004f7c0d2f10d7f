import { Line } from '@react-three/drei';
import { TextSprite } from './TextSprite.tsx';
import type { Domain } from '../../surfaces/surface.ts';
import { formatTick, niceTicks } from '../niceTicks.ts';
import type { LandscapeFrame } from './landscapeFrame.ts';

/** The domain's outline on the floor with x and y tick labels (DOM labels: crisp at any zoom). */
export function Axes3D({ frame, domain }: { frame: LandscapeFrame; domain: Domain }) {
  const X = (x: number) => frame.k * (x - frame.cx);
  const Y = (y: number) => frame.k * (y - frame.cy);
  const x0 = X(domain.xMin);
  const x1 = X(domain.xMax);
  const y0 = Y(domain.yMin);
  const y1 = Y(domain.yMax);
  const z = -0.005;
  return (
    <group>
      <Line
        points={[
          [x0, y0, z],
          [x1, y0, z],
          [x1, y1, z],
          [x0, y1, z],
          [x0, y0, z],
        ]}
        color="#4a5160"
        lineWidth={1}
      />
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
