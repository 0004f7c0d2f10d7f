import { describe, expect, it } from 'vitest';
import { PerspectiveCamera, Vector3 } from 'three';
import {
  DEFAULT_ANGLE,
  fitCamera,
  landscapeFrame,
} from '../../../src/view/scene/landscapeFrame.ts';
import { SURFACES } from '../../../src/surfaces/catalog/index.ts';
import { defaultParams } from '../../../src/engine/validateParams.ts';
import { sampleGrid } from '../../../src/surfaces/grid/index.ts';

const FOV = 42;
/** The canvas sizes the lab is used at: a phone, a small laptop, a desktop. */
const CANVASES: [number, number][] = [
  [390, 450],
  [1024, 700],
  [1440, 900],
];

describe('fitCamera frames the whole landscape box', () => {
  for (const id of ['ravine', 'saddle', 'sharp_flat', 'rosenbrock']) {
    const def = SURFACES[id];
    const params = defaultParams(def.params);
    const objective = def.create(params, { seed: 1 });
    const g = sampleGrid(objective, def.domain(params), 64, {
      heightMode: def.view.logHeight ? 'log' : 'linear',
      centerX: 0,
      centerY: 0,
    });
    const frame = landscapeFrame(g);
    for (const [w, h] of CANVASES)
      it(`${id} at ${w}×${h}: all eight corners on screen, and the box fills it`, () => {
        const { position, target } = fitCamera(frame, w / h, FOV, def.view.camera ?? DEFAULT_ANGLE);
        const cam = new PerspectiveCamera(FOV, w / h, 0.01, 100);
        cam.up.set(0, 0, 1);
        cam.position.set(...position);
        cam.lookAt(new Vector3(...target));
        cam.updateMatrixWorld();
        let reach = 0;
        for (const x of [-frame.hx, frame.hx])
          for (const y of [-frame.hy, frame.hy])
            for (const z of [0, frame.zTop]) {
              const p = new Vector3(x, y, z).project(cam);
              expect(Math.abs(p.x)).toBeLessThanOrEqual(1);
              expect(Math.abs(p.y)).toBeLessThanOrEqual(1);
              reach = Math.max(reach, Math.abs(p.x), Math.abs(p.y));
            }
        // Not framed from far away either: some corner comes near the edge.
        expect(reach).toBeGreaterThan(0.8);
      });
  }
});
