import { describe, expect, it } from 'vitest';
import { DEFAULT_LESSON, defaultScenario } from '../../src/scenario/defaultScenario.ts';
import { parseScenario } from '../../src/scenario/parseScenario.ts';
import { PRESETS_BY_ID } from '../../src/scenario/presets/index.ts';

describe('the default scenario', () => {
  it('is its lesson preset, shown in 3D', () => {
    const preset = parseScenario(PRESETS_BY_ID[DEFAULT_LESSON].scenario);
    const s = defaultScenario();
    expect(s.view.mode).toBe('3d');
    expect({ ...s, view: null }).toEqual({ ...preset, view: null });
  });
});
