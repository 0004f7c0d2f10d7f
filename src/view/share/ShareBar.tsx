import { useRef, useState } from 'react';
import { exportTorch } from '../../scenario/exportTorch.ts';
import {
  exportTrajectoriesCSV,
  exportTrajectoriesJSON,
} from '../../scenario/exportTrajectories.ts';
import type { RunResult } from '../../engine/run.ts';
import { currentScenario, shareUrl } from '../../state/persistence.ts';
import { sim } from '../../state/simulation.ts';
import { copyText, download, saveUrl } from './download.ts';
import { TextDialog } from './TextDialog.tsx';
import './share.css';

const finished = () => sim.results.filter((r): r is RunResult => r !== null);

/** The view as PNG: the 3D canvas (drawn with preserveDrawingBuffer) or the 2D map. */
function viewPng(): string | null {
  const c =
    document.querySelector<HTMLCanvasElement>('[data-testid="scene3d"] canvas') ??
    document.querySelector<HTMLCanvasElement>('[data-testid="contour-map"]');
  return c ? c.toDataURL('image/png') : null;
}

/** Copy link, exports (CSV, JSON, PNG) and "Copy as PyTorch". */
export function ShareBar() {
  const [status, setStatus] = useState('');
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
    const code = exportTorch(currentScenario());
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
      const url = viewPng();
      if (url) saveUrl('loss-landscape.png', url);
      else say('Nothing to export');
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
        <option value="png">View (PNG)</option>
      </select>
      <span className="share-status" role="status" aria-live="polite" data-testid="share-status">
        {status}
      </span>
      {dialog && (
        <TextDialog title={dialog.title} text={dialog.text} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}
