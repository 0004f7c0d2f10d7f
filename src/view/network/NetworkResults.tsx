import { fmtNum } from '../../engine/formatNumber.ts';
import { useLab } from '../../state/useLab.ts';
import { useSimulation } from '../../state/useSimulation.ts';
import { runLabel } from '../../scenario/runLabel.ts';
import { DecisionBoundary } from './DecisionBoundary.tsx';
import './network.css';

/** How far off the plane a path may stray (relative to its reach) before the view says so. */
const FAR_OFF_PLANE = 0.5;

const pct = (v: number | null) => (v === null ? '–' : `${(100 * v).toFixed(1)}%`);
const last = (a: Float64Array | null | undefined) =>
  a && a.length ? fmtNum(a[a.length - 1]) : '–';

/** Generalisation per run (train and test loss and accuracy), the plane's honesty, and the selected run's decision regions. */
export function NetworkResults() {
  const runs = useLab((s) => s.scenario.runs);
  const selected = useLab((s) => s.selectedRun);
  const picture = useSimulation((s) => s.network);
  if (!picture) return <p className="muted">Training the network…</p>;
  const regions = picture.regions[selected] ?? picture.regions.find((r) => r !== null) ?? null;
  const shown = picture.regions[selected] ? selected : picture.regions.findIndex((r) => r !== null);
  return (
    <div className="network-results">
      <div className="generalisation-scroll">
        <table className="generalisation">
          <caption>Generalisation at the last step</caption>
          <thead>
            <tr>
              <th scope="col">run</th>
              <th scope="col">train loss</th>
              <th scope="col">test loss</th>
              <th scope="col">train acc.</th>
              <th scope="col">test acc.</th>
              <th scope="col">off the plane</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r, i) => {
              const sum = picture.summaries[i];
              const res = picture.runs[i];
              const off = sum?.offPlane ?? null;
              return (
                <tr key={i}>
                  <th scope="row">{runLabel(r)}</th>
                  <td>{last(res?.losses.subarray(0, res.points))}</td>
                  <td>{last(sum?.testLosses?.subarray(0, res?.points))}</td>
                  <td>{pct(sum?.trainAccuracy ?? null)}</td>
                  <td>{pct(sum?.testAccuracy ?? null)}</td>
                  <td
                    className={off !== null && off > FAR_OFF_PLANE ? 'far' : undefined}
                    title="The largest distance of an iterate from the plane, relative to how far the path travels in it: a large value means the drawn path hides most of the motion."
                  >
                    {off === null
                      ? '–'
                      : off > FAR_OFF_PLANE
                        ? `far (${off.toPrecision(2)}×)`
                        : `${off.toPrecision(2)}×`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {regions && shown >= 0 && (
        <DecisionBoundary regions={regions} train={picture.train} label={runLabel(runs[shown])} />
      )}
    </div>
  );
}
