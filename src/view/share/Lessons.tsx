import { useEffect, useRef, useState } from 'react';
import { PRESETS, PRESETS_BY_ID } from '../../scenario/presets/index.ts';
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

/** Load a preset: its scenario (validated like any link) and its lesson card. */
function openPreset(id: string): void {
  actions.loadScenario(parseScenario(PRESETS_BY_ID[id].scenario), id);
  actions.setNotice(null);
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
              <button
                key={p.id}
                type="button"
                data-lesson={p.id}
                onClick={() => {
                  openPreset(p.id);
                  setOpen(false);
                }}
              >
                <LessonThumbnail preset={p} />
                <span className="lesson-text">
                  <strong className="lesson-title">{p.title}</strong>
                  <span className="muted">{p.explanation.split('. ')[0]}.</span>
                </span>
              </button>
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
