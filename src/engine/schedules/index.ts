import type { ScheduleDef } from '../schedule.ts';
import { constant } from './constant.ts';

/** Every schedule, in the order the UI lists them. Adding one = one file + one line here. */
export const SCHEDULE_LIST: readonly ScheduleDef[] = [constant];

export const SCHEDULES: Readonly<Record<string, ScheduleDef>> = Object.freeze(
  Object.fromEntries(SCHEDULE_LIST.map((s) => [s.id, s])),
);
