import { actions } from '../state/store.ts';
import { useLab } from '../state/useLab.ts';
import { heightModeOf } from '../state/surfaceView.ts';

const RESOLUTIONS = [64, 128, 160, 256] as const;

/** Display options shared by the 3D view and the 2D map. None of them changes a number. */
export function ViewOptions() {
  const scenario = useLab((s) => s.scenario);
  const resolution = useLab((s) => s.resolution);
  const showArrows = useLab((s) => s.showArrows);
  const log = heightModeOf(scenario) === 'log';
  return (
    <div className="view-options" role="group" aria-label="Display options">
      <label title="Draw height as ln(1 + f − f_min): a display transform only, f is unchanged">
        <input
          type="checkbox"
          checked={log}
          onChange={(e) => actions.setView({ logHeight: e.target.checked })}
        />{' '}
        log height
      </label>
      <label title="Arrows at each head: white −∇f (as an SGD step), yellow −momentum, cyan the actual update">
        <input
          type="checkbox"
          checked={showArrows}
          onChange={(e) => actions.setShowArrows(e.target.checked)}
        />{' '}
        arrows
      </label>
      <label>
        resolution{' '}
        <select
          value={resolution}
          onChange={(e) => actions.setResolution(Number(e.target.value))}
          aria-label="Mesh resolution"
        >
          {RESOLUTIONS.map((r) => (
            <option key={r} value={r}>
              {r}²
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
