import { byId } from '../../engine/byId.ts';
import { adagradVsRmsprop } from './adagradVsRmsprop.ts';
import { adamL2VsAdamw } from './adamL2VsAdamw.ts';
import { asgdSwa } from './asgdSwa.ts';
import { cosineAnnealing } from './cosineAnnealing.ts';
import { lbfgsRosenbrock } from './lbfgsRosenbrock.ts';
import { lionSign } from './lionSign.ts';
import { lrRangeTest } from './lrRangeTest.ts';
import { lrWeightDecayCoupling } from './lrWeightDecayCoupling.ts';
import {
  lrWeightDecayMapAdamL2,
  lrWeightDecayMapAdamw,
  lrWeightDecayMapsSideBySide,
} from './lrWeightDecayMaps.ts';
import { minibatchNoise } from './minibatchNoise.ts';
import { nesterovMomentum } from './nesterovMomentum.ts';
import { oneCycle } from './oneCycle.ts';
import { plateauAdam } from './plateauAdam.ts';
import type { Preset } from './preset.ts';
import { networkPlane } from './networkPlane.ts';
import { smallBatchFlat } from './smallBatchFlat.ts';
import { samNetwork } from './samNetwork.ts';
import { residualSmoothing } from './residualSmoothing.ts';
import { weightDecayNetwork } from './weightDecayNetwork.ts';
import { swaNetwork } from './swaNetwork.ts';
import { adamL2VsAdamwNetwork } from './adamL2VsAdamwNetwork.ts';
import { lambLarsTrust } from './lambLarsTrust.ts';
import { edgeOfStability } from './edgeOfStability.ts';
import { ravineMomentum } from './ravineMomentum.ts';
import { rpropLion } from './rpropLion.ts';
import { saddleMomentum } from './saddleMomentum.ts';
import { scheduleFree } from './scheduleFree.ts';
import { sharpFlatSam } from './sharpFlatSam.ts';
import { swa } from './swa.ts';
import { warmRestarts } from './warmRestarts.ts';
import { warmup } from './warmup.ts';

export type { Preset, PresetScenario } from './preset.ts';
export { isNetworkPreset } from './preset.ts';

/**
 * The one-click lessons, in the course's order: landscape features and the optimizers that
 * handle them, then weight decay, then schedules, then the modern optimizers and flat minima,
 * and last a real model on data. Adding one = one file + one line here (and its test).
 */
export const PRESETS: readonly Preset[] = [
  ravineMomentum,
  nesterovMomentum,
  saddleMomentum,
  plateauAdam,
  adagradVsRmsprop,
  adamL2VsAdamw,
  lrWeightDecayCoupling,
  lrWeightDecayMapAdamL2,
  lrWeightDecayMapAdamw,
  lrWeightDecayMapsSideBySide,
  warmup,
  cosineAnnealing,
  warmRestarts,
  oneCycle,
  lrRangeTest,
  lionSign,
  rpropLion,
  lbfgsRosenbrock,
  sharpFlatSam,
  swa,
  asgdSwa,
  scheduleFree,
  minibatchNoise,
];

/**
 * The lessons on a real network (scenarios with `model`), opened in the network lab, in the
 * course's order: the picture itself, sharp and flat minima, what smooths a landscape, then the
 * optimizers that act on a network's layers and the edge of stability.
 */
export const NETWORK_PRESETS: readonly Preset[] = [
  networkPlane,
  smallBatchFlat,
  samNetwork,
  residualSmoothing,
  weightDecayNetwork,
  swaNetwork,
  adamL2VsAdamwNetwork,
  lambLarsTrust,
  edgeOfStability,
];

/** Every lesson, of either lab, by id (the lesson card and links name them). */
export const PRESETS_BY_ID = byId([...PRESETS, ...NETWORK_PRESETS]);
