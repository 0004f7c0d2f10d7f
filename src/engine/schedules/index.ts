import { byId } from '../byId.ts';
import type { ScheduleDef } from '../schedule.ts';
import { constant } from './constant.ts';
import { cosineAnnealingLR } from './cosineAnnealingLR.ts';
import { cosineAnnealingWarmRestarts } from './cosineAnnealingWarmRestarts.ts';
import { exponentialLR } from './exponentialLR.ts';
import { linearLR } from './linearLR.ts';
import { lrRangeTest } from './lrRangeTest.ts';
import { multiStepLR } from './multiStepLR.ts';
import { oneCycleLR } from './oneCycleLR.ts';
import { stepLR } from './stepLR.ts';
import { warmupCosine } from './warmupCosine.ts';

/** Every schedule, in the order the UI lists them. Adding one = one file + one line here. */
export const SCHEDULE_LIST: readonly ScheduleDef[] = [
  constant,
  stepLR,
  multiStepLR,
  exponentialLR,
  cosineAnnealingLR,
  cosineAnnealingWarmRestarts,
  linearLR,
  oneCycleLR,
  warmupCosine,
  lrRangeTest,
];

export const SCHEDULES = byId(SCHEDULE_LIST);
