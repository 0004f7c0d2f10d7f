import { useMemo } from 'react';
import { Vector3 } from 'three';
import { Line } from '@react-three/drei';
import { analyzeCurvature } from '../../engine/curvature.ts';
import type { CriticalPoint } from '../../surfaces/surface.ts';
import { sim } from '../../state/simulation.ts';
import type { LandscapeFrame } from './landscapeFrame.ts';
import { toWorld } from './toWorld.ts';

const at = (
  frame: LandscapeFrame,
  x: number,
  y: number,
  lift: number,
): [number, number, number] => {
  const out = [0, 0, 0];
  if (sim.built) toWorld(frame, sim.built.domain, sim.built.objective, x, y, lift, out);
  return out as [number, number, number];
};

/**
 * Known minima (gold), saddle points (white), the shared start point (a ring the user can
 * drag) and, at the curvature probe, the Hessian's eigen-directions: green where the surface
 * curves up, red where it curves down, longer for the flatter direction.
 */
export function Markers3D({
  frame,
  points,
  start,
  probe,
  version,
  onStartPointerDown,
}: {
  frame: LandscapeFrame;
  points: readonly CriticalPoint[];
  start: readonly [number, number];
  probe: readonly [number, number];
  version: number;
  onStartPointerDown: () => void;
}) {
  const crit = useMemo(
    () => points.map((p) => ({ p, pos: at(frame, p.x, p.y, 0.02) })),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version: the surface was rebuilt
    [points, frame, version],
  );
  const startPos = at(frame, start[0], start[1], 0.02);
  const eig = useMemo(() => {
    if (!sim.built) return null;
    const c = analyzeCurvature(sim.built.objective, probe[0], probe[1]);
    // Where the Hessian is not finite (a kink, outside f's domain) there are no directions.
    if (!c.eigenvectors.flat().every(Number.isFinite)) return null;
    const base = at(frame, probe[0], probe[1], 0.03);
    const center = new Vector3(...base);
    return c.eigenvectors.map((v, i) => {
      const lam = c.eigenvalues[i];
      const len = 0.18;
      const d = new Vector3(v[0], v[1], 0).normalize().multiplyScalar(len);
      return {
        points: [center.clone().sub(d), center.clone().add(d)] as [Vector3, Vector3],
        color: lam > 0 ? '#66ff99' : lam < 0 ? '#ff6680' : '#cccccc',
      };
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version: the surface was rebuilt
  }, [probe, frame, version]);

  return (
    <group>
      {crit.map(({ p, pos }, i) =>
        p.kind === 'saddle' ? (
          <mesh key={i} position={pos} rotation={[0, 0, Math.PI / 4]}>
            <boxGeometry args={[0.05, 0.012, 0.012]} />
            <meshBasicMaterial color="#ffffff" />
          </mesh>
        ) : (
          <mesh key={i} position={pos}>
            <octahedronGeometry args={[p.kind === 'global-min' ? 0.035 : 0.025]} />
            <meshStandardMaterial color="#ffd700" emissive="#806000" />
          </mesh>
        ),
      )}
      <mesh
        position={startPos}
        onPointerDown={(e) => {
          e.stopPropagation();
          onStartPointerDown();
        }}
        name="start"
      >
        <torusGeometry args={[0.045, 0.012, 10, 32]} />
        <meshBasicMaterial color="#ffffff" />
      </mesh>
      {eig?.map((e, i) => (
        <Line key={i} points={e.points} color={e.color} lineWidth={3} />
      ))}
    </group>
  );
}
