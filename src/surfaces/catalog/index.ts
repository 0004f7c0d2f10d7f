import { byId } from '../../engine/byId.ts';
import type { SurfaceDef } from '../surface.ts';
import { ackley } from './classic/ackley.ts';
import { beale } from './classic/beale.ts';
import { booth } from './classic/booth.ts';
import { easom } from './classic/easom.ts';
import { goldsteinPrice } from './classic/goldsteinPrice.ts';
import { himmelblau } from './classic/himmelblau.ts';
import { matyas } from './classic/matyas.ts';
import { mccormick } from './classic/mccormick.ts';
import { rastrigin } from './classic/rastrigin.ts';
import { rosenbrock } from './classic/rosenbrock.ts';
import { sixHumpCamel } from './classic/sixHumpCamel.ts';
import { styblinskiTang } from './classic/styblinskiTang.ts';
import { threeHumpCamel } from './classic/threeHumpCamel.ts';
import { logistic } from './data/logistic.ts';
import { curvedValley } from './terrain/curvedValley.ts';
import { localMinima } from './terrain/localMinima.ts';
import { monkeySaddle } from './terrain/monkeySaddle.ts';
import { plateau } from './terrain/plateau.ts';
import { ravine } from './terrain/ravine.ts';
import { saddle } from './terrain/saddle.ts';
import { sharpFlat } from './terrain/sharpFlat.ts';

/**
 * Every built-in surface, in the order the picker lists them: terrain features (one lesson
 * each, reshaped by sliders), then the classic test functions, then a model trained on data.
 * Ids are stable: scenarios and links store them. Adding a surface = one file + one line here.
 */
export const SURFACE_LIST: readonly SurfaceDef[] = [
  ravine,
  saddle,
  monkeySaddle,
  plateau,
  sharpFlat,
  localMinima,
  curvedValley,
  rosenbrock,
  beale,
  booth,
  matyas,
  himmelblau,
  rastrigin,
  ackley,
  sixHumpCamel,
  threeHumpCamel,
  goldsteinPrice,
  styblinskiTang,
  mccormick,
  easom,
  logistic,
];

export const SURFACES = byId(SURFACE_LIST);
