import { lazy, Suspense } from 'react';
import { useLab } from '../state/useLab.ts';
import { actions } from '../state/store.ts';
import { SurfacePanel } from './panels/SurfacePanel.tsx';
import { RunsPanel } from './panels/RunsPanel.tsx';
import { CurvaturePanel } from './panels/CurvaturePanel.tsx';
import { ContourMap } from './map/ContourMap.tsx';
import { Timeline } from './controls/Timeline.tsx';
import { Collapsible } from './controls/Collapsible.tsx';
import { Plots } from './plots/Plots.tsx';
import { Notice } from './Notice.tsx';
import { LessonCard, LessonsButton } from './share/Lessons.tsx';
import { ShareBar } from './share/ShareBar.tsx';
import { ViewOptions } from './ViewOptions.tsx';
import { useKeyboardShortcuts } from './useKeyboardShortcuts.ts';
import { webglAvailable } from './webglAvailable.ts';
import { NetworkPanel } from './network/NetworkPanel.tsx';
import { NetworkResults } from './network/NetworkResults.tsx';
import { SweepPanel } from './sweep/SweepPanel.tsx';

// three.js is the largest part of the bundle: load it only when the 3D view is shown.
const Scene3D = lazy(() => import('./scene/Scene3D.tsx').then((m) => ({ default: m.Scene3D })));

export function App() {
  const mode = useLab((s) => s.scenario.view.mode);
  const inNetwork = useLab((s) => s.network !== null);
  const hasWebgl = webglAvailable();
  const show3d = mode === '3d' && hasWebgl;
  useKeyboardShortcuts();
  return (
    <div className="app">
      <header className="app-header">
        <h1>Loss Landscape Lab</h1>
        <LessonsButton />
        <div role="group" aria-label="Landscape kind" className="view-toggle">
          <button
            type="button"
            aria-pressed={!inNetwork}
            title="Two-weight surfaces: ravines, saddles, test functions, your own formula"
            onClick={() => inNetwork && actions.closeNetwork()}
          >
            Surfaces
          </button>
          <button
            type="button"
            aria-pressed={inNetwork}
            title="A real multilayer perceptron trained on 2-D data, its loss drawn on a plane through weight space"
            onClick={() => !inNetwork && actions.openNetwork()}
          >
            Network
          </button>
        </div>
        <div role="group" aria-label="View" className="view-toggle">
          <button
            type="button"
            aria-pressed={show3d}
            disabled={!hasWebgl}
            title={hasWebgl ? '3D surface' : 'WebGL is not available in this browser'}
            onClick={() => actions.setView({ mode: '3d' })}
          >
            3D
          </button>
          <button
            type="button"
            aria-pressed={!show3d}
            onClick={() => actions.setView({ mode: '2d' })}
          >
            2D
          </button>
        </div>
        <ViewOptions />
        {!hasWebgl && (
          <span
            className="no-webgl"
            role="status"
            title="The 3D view is off here; the 2D map shows the same runs."
          >
            WebGL is not available: 2D map only
          </span>
        )}
        <ShareBar />
      </header>
      <main className="app-view" aria-label="Landscape view">
        <Notice />
        {show3d ? (
          <Suspense
            fallback={
              <p className="muted" style={{ padding: 12 }}>
                Loading the 3D view…
              </p>
            }
          >
            <Scene3D />
          </Suspense>
        ) : (
          <ContourMap />
        )}
      </main>
      {/* Outside the view box, so the card never covers the picture (theme.css places it). */}
      <div className="app-lesson">
        <LessonCard besideColourBar={false} />
      </div>
      <div className="app-timeline">
        <Timeline />
      </div>
      <section
        className={inNetwork ? 'app-plots app-plots-network' : 'app-plots'}
        aria-label="Plots"
      >
        <Plots />
        {inNetwork && <NetworkResults />}
      </section>
      <aside className="app-runs" aria-label="Runs">
        <Collapsible title="Runs and their settings">
          <RunsPanel />
        </Collapsible>
      </aside>
      <aside className="app-surface" aria-label="Landscape">
        {inNetwork ? (
          <Collapsible title="Network, data and slice">
            <NetworkPanel />
          </Collapsible>
        ) : (
          <Collapsible title="Surface, simulation and curvature">
            <SurfacePanel />
            <CurvaturePanel />
          </Collapsible>
        )}
        <Collapsible
          title={
            inNetwork
              ? 'Sweeps: lr sensitivity, maps'
              : 'Sweeps: lr sensitivity, maps, basins, seeds'
          }
        >
          <SweepPanel />
        </Collapsible>
      </aside>
    </div>
  );
}
