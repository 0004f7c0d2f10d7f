import { useRef, useState } from 'react';
import { exportTorch } from '../../scenario/exportTorch.ts';
import {
  exportTrajectoriesCSV,
  exportTrajectoriesJSON,
} from '../../scenario/exportTrajectories.ts';
import type { RunResult } from '../../engine/run.ts';
import { runSettingsText } from '../../scenario/runSettings.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import { currentScenario, resetToDefault, shareUrl } from '../../state/persistence.ts';
import { shownStep } from '../../state/playhead.ts';
import { sim } from '../../state/simulation.ts';
import { currentNetworkScenario } from '../../state/networkSim.ts';
import { actions } from '../../state/store.ts';
import { useLab } from '../../state/useLab.ts';
import { SURFACES } from '../../surfaces/catalog/index.ts';
import { runColor, runLabel } from '../palette.ts';
import { fmtPoint } from '../../engine/formatNumber.ts';
import { lossReadout } from '../panels/lossReadout.ts';
import { leftDomainAt } from '../panels/runOutcome.ts';
import { composeFigure, type FigureParts } from './composeFigure.ts';
import { copyText, download, saveUrl } from './download.ts';
import { TextDialog } from './TextDialog.tsx';
import './share.css';

const finished = () => sim.results.filter((r): r is RunResult => r !== null);

/** The view's canvas: the 3D scene (drawn with preserveDrawingBuffer) or the 2D map. */
const viewCanvas = () =>
  document.querySelector<HTMLCanvasElement>('[data-testid="scene3d"] canvas') ??
  document.querySelector<HTMLCanvasElement>('[data-testid="contour-map"]');

/** The plots as drawn, with their titles (hidden or empty canvases left out). */
function plotCanvases(): FigureParts['plots'] {
  return [...document.querySelectorAll<HTMLElement>('figure.plot')].flatMap((fig) => {
    const canvas = fig.querySelector<HTMLCanvasElement>('canvas');
    const title = fig.querySelector('.plot-title')?.textContent ?? '';
    return canvas && canvas.width > 0 && canvas.height > 0 ? [{ title, canvas }] : [];
  });
}

/** What the legend's badges say, in one line: the loss at the step shown, and what went wrong. */
function outcomeText(r: RunResult, k: number): string {
  const parts = [lossReadout(r, k)];
  const domain = sim.built?.domain;
  const left = domain ? leftDomainAt(r, domain) : null;
  if (left && (r.divergedAt === null || left.step < r.divergedAt))
    parts.push(`left the domain at step ${left.step} at ${fmtPoint(left.x, left.y, 2)}`);
  if (r.divergedAt !== null) parts.push(`diverged at step ${r.divergedAt}`);
  else if (r.stop) parts.push(r.stop.message);
  return parts.join(' · ');
}

/** The figure's parts for scenario `s` at the step shown. */
function figureParts(s: Scenario): FigureParts {
  const k = shownStep();
  const surface =
    'id' in s.surface
      ? (SURFACES[s.surface.id]?.name ?? s.surface.id)
      : `f(x, y) = ${s.surface.expression}`;
  const noise =
    s.noise.sigma > 0 ? ` · gradient noise σ ${s.noise.sigma} (seed ${s.noise.seed})` : '';
  return {
    title: `Loss Landscape Lab · ${surface}`,
    subtitle: `${s.steps} steps, shown at step ${k}${noise}`,
    view: viewCanvas(),
    runs: s.runs.flatMap((run, i) => {
      if (!run.visible) return [];
      const r = sim.results[i] ?? null;
      const error = sim.runErrors[i];
      const status = error ?? (r ? outcomeText(r, k) : undefined);
      return [
        {
          color: runColor(run, i),
          label: runLabel(run),
          settings: runSettingsText(run, s.steps),
          status,
        },
      ];
    }),
    plots: plotCanvases(),
  };
}

/** Copy link, exports (CSV, JSON, PNG) and "Copy as PyTorch". */
export function ShareBar() {
  const [status, setStatus] = useState('');
  // The trajectory exports and the figure describe surface scenarios; a network's are to come.
  const inNetwork = useLab((s) => s.network !== null);
  const notForNetworks = inNetwork
    ? 'Not for the network lab yet: the exports describe the surface scenarios (Copy link and Copy as PyTorch do networks)'
    : undefined;
  const [dialog, setDialog] = useState<{ title: string; text: string } | null>(null);
  const timer = useRef(0);
  const say = (text: string) => {
    setStatus(text);
    clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setStatus(''), 2500);
  };
  const copyLink = async () => {
    const url = shareUrl();
    if (await copyText(url)) say('Link copied');
    else setDialog({ title: 'Share link (copy it from here)', text: url });
  };
  const copyTorch = async () => {
    const network = inNetwork ? currentNetworkScenario() : null;
    if (inNetwork && !network) return say('Nothing to copy: the network settings are not valid');
    const code = exportTorch(network ?? currentScenario());
    setDialog({ title: 'PyTorch code for these runs', text: code });
    if (await copyText(code)) say('PyTorch code copied');
  };
  const exportAs = (kind: string) => {
    const s = currentScenario();
    if (kind === 'csv')
      download('trajectories.csv', exportTrajectoriesCSV(s, finished()), 'text/csv');
    if (kind === 'json')
      download('trajectories.json', exportTrajectoriesJSON(s, finished()), 'application/json');
    if (kind === 'png') {
      const parts = figureParts(s);
      if (!parts.view) return say('Nothing to export');
      saveUrl('loss-landscape.png', composeFigure(parts).toDataURL('image/png'));
    }
  };
  return (
    <div className="share-bar" role="group" aria-label="Share and export">
      <button type="button" onClick={copyLink}>
        Copy link
      </button>
      <button type="button" onClick={copyTorch}>
        Copy as PyTorch
      </button>
      <select
        aria-label="Export"
        disabled={inNetwork}
        title={notForNetworks}
        value=""
        onChange={(e) => {
          exportAs(e.target.value);
          e.target.value = '';
        }}
      >
        <option value="" disabled>
          Export…
        </option>
        <option value="csv">Trajectories (CSV)</option>
        <option value="json">Trajectories (JSON)</option>
        <option value="png">Figure (PNG)</option>
      </select>
      <button
        type="button"
        title="Everything back to the first-visit default (you can undo it)"
        aria-label="Reset to default"
        onClick={() => {
          if (inNetwork) actions.closeNetwork();
          resetToDefault();
        }}
      >
        Reset
      </button>
      <span className="share-status" role="status" aria-live="polite" data-testid="share-status">
        {status}
      </span>
      {dialog && (
        <TextDialog title={dialog.title} text={dialog.text} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}
