import { useEffect, useRef, useState } from 'react';
import {
  NETWORK_PRESETS,
  PRESETS,
  PRESETS_BY_ID,
  isNetworkPreset,
} from '../../scenario/presets/index.ts';
import { parseModelScenario } from '../../scenario/modelScenario.ts';
import { parseScenario } from '../../scenario/parseScenario.ts';
import { actions } from '../../state/store.ts';
import { useLab } from '../../state/useLab.ts';
import type { Preset } from '../../scenario/presets/index.ts';
import { drawLessonThumbnail } from './lessonThumbnail.ts';
import './share.css';

/** Thumbnail side in CSS pixels (share.css sizes .lesson-thumb to match). */
const THUMB = 84;

/**
 * Thumbnails are drawn one per task, after the dialog has painted, so opening the gallery never
 * waits for sixteen runs and grids; a card closed before its turn is skipped.
 */
const pending: (() => void)[] = [];
function later(job: () => void): void {
  pending.push(job);
  if (pending.length === 1) setTimeout(drain, 0);
}
function drain(): void {
  pending.shift()?.();
  if (pending.length > 0) setTimeout(drain, 0);
}

function LessonThumbnail({ preset }: { preset: Preset }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = ref.current;
    if (!c) return;
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    c.width = c.height = Math.round(THUMB * dpr);
    later(() => {
      if (c.isConnected) drawLessonThumbnail(c, preset);
    });
  }, [preset]);
  return <canvas ref={ref} className="lesson-thumb" aria-hidden="true" />;
}

/**
 * Load a preset: its scenario (validated like any link) and its lesson card; a network lesson
 * opens in the network lab.
 */
function openPreset(id: string): void {
  const preset = PRESETS_BY_ID[id];
  if (isNetworkPreset(preset)) actions.loadNetworkScenario(parseModelScenario(preset.scenario), id);
  else actions.loadScenario(parseScenario(preset.scenario), id);
  actions.setNotice(null);
}

/** A gallery card: the lesson's picture (a surface's) or its tag (a network's), then its text. */
function LessonButton({ preset, onOpen }: { preset: Preset; onOpen: () => void }) {
  const network = isNetworkPreset(preset);
  return (
    <button
      type="button"
      data-lesson={preset.id}
      onClick={() => {
        openPreset(preset.id);
        onOpen();
      }}
    >
      {network ? (
        // Training a network takes a second or more: no thumbnail, it would hold up the gallery.
        <span className="lesson-badge" aria-hidden="true">
          MLP
        </span>
      ) : (
        <LessonThumbnail preset={preset} />
      )}
      <span className="lesson-text">
        <strong className="lesson-title">{preset.title}</strong>
        <span className="muted">{preset.explanation.split('. ')[0]}.</span>
      </span>
    </button>
  );
}

/** The gallery of one-click lessons from the course. */
export function LessonsButton() {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        Lessons
      </button>
      <dialog
        ref={ref}
        className="lessons-dialog"
        aria-label="Lessons"
        onClose={() => setOpen(false)}
      >
        <h2>Lessons: one click each</h2>
        {open && (
          <div className="lessons-grid">
            {PRESETS.map((p) => (
              <LessonButton key={p.id} preset={p} onOpen={() => setOpen(false)} />
            ))}
            <h3 className="lessons-section">Networks: a real MLP, trained in the network lab</h3>
            {NETWORK_PRESETS.map((p) => (
              <LessonButton key={p.id} preset={p} onOpen={() => setOpen(false)} />
            ))}
          </div>
        )}
        <form method="dialog">
          <button type="submit">Close</button>
        </form>
      </dialog>
    </>
  );
}

/**
 * The open lesson's explanation and experiment, over the view. Over the 2D map it stands left
 * of the colour bar, whose labels it would otherwise cover.
 */
export function LessonCard({ besideColourBar }: { besideColourBar: boolean }) {
  const id = useLab((s) => s.lesson);
  const preset = id ? PRESETS_BY_ID[id] : undefined;
  if (!preset) return null;
  return (
    <aside
      className={besideColourBar ? 'lesson-card beside-colour-bar' : 'lesson-card'}
      aria-label="Lesson"
    >
      <details open={false}>
        <summary>
          <h2>{preset.title}</h2>
        </summary>
        <p>{preset.explanation}</p>
      </details>
      <p className="try">
        <strong>Try this: </strong>
        {preset.tryThis}
      </p>
      <button type="button" onClick={() => actions.setLesson(null)}>
        Hide
      </button>{' '}
      <button type="button" onClick={() => openPreset(preset.id)}>
        Restart lesson
      </button>
    </aside>
  );
}
