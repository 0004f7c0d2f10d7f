import { useEffect, useRef, useState } from 'react';
import { actions } from '../../state/store.ts';
import { onFrame, playhead, requestDraw, seek, shownStep } from '../../state/playhead.ts';
import { useLab } from '../../state/useLab.ts';
import { TimelineIcon } from './TimelineIcons.tsx';
import './timeline.css';

/** Playback speeds in steps per second. */
export const SPEEDS = [15, 30, 60, 120, 240, 600] as const;

/** Pause, then move the playhead by n steps. */
function stepBy(n: number) {
  actions.setPlaying(false);
  seek(shownStep() + n);
}

/**
 * Play/pause, single steps, reset, a scrubber and the speed. The scrubber's value and the step
 * counter follow the playhead every frame through refs, not React state. Keyboard shortcuts
 * (space, arrows, R) are global (useKeyboardShortcuts), so this only has to be clickable and
 * accessible.
 */
export function Timeline() {
  const playing = useLab((s) => s.playing);
  const steps = useLab((s) => s.scenario.steps);
  const rangeRef = useRef<HTMLInputElement>(null);
  const counterRef = useRef<HTMLOutputElement>(null);
  const [speed, setSpeed] = useState<number>(playhead.speed);

  useEffect(() => {
    let shown = -1;
    let max = -1;
    const off = onFrame(() => {
      const k = shownStep();
      if (k === shown && playhead.maxStep === max) return;
      shown = k;
      max = playhead.maxStep;
      if (rangeRef.current) rangeRef.current.value = String(k);
      if (counterRef.current) counterRef.current.textContent = `step ${k} / ${max}`;
    });
    requestDraw();
    return off;
  }, []);

  // A new step count changes the range's max: re-sync its value on the next frame.
  useEffect(() => requestDraw(), [steps]);

  return (
    <div className="timeline" role="group" aria-label="Playback">
      <button
        type="button"
        className="timeline-btn"
        aria-label="Reset to step 0"
        title="Reset (R)"
        onClick={actions.reset}
      >
        <TimelineIcon name="reset" />
      </button>
      <button
        type="button"
        className="timeline-btn"
        aria-label="Step back"
        title="Step back (←)"
        onClick={() => stepBy(-1)}
      >
        <TimelineIcon name="back" />
      </button>
      <button
        type="button"
        className="timeline-btn timeline-play"
        aria-label="Play"
        aria-pressed={playing}
        title={playing ? 'Pause (space)' : 'Play (space)'}
        onClick={actions.togglePlaying}
      >
        <TimelineIcon name={playing ? 'pause' : 'play'} />
      </button>
      <button
        type="button"
        className="timeline-btn"
        aria-label="Step forward"
        title="Step forward (→)"
        onClick={() => stepBy(1)}
      >
        <TimelineIcon name="forward" />
      </button>
      <input
        ref={rangeRef}
        className="timeline-range"
        type="range"
        min={0}
        max={steps}
        step={1}
        defaultValue={0}
        aria-label="Step"
        onChange={(e) => seek(e.currentTarget.valueAsNumber)}
      />
      {/* Text written per frame through the ref; React renders no children here to clash with. */}
      <output
        ref={counterRef}
        className="timeline-counter"
        aria-label="Current step"
        data-testid="step-counter"
        // As wide as "step N / N" at its longest, so the scrubber does not shrink as digits grow.
        style={{ minWidth: `${8 + 2 * String(steps).length}ch` }}
      />
      <label className="timeline-speed">
        speed{' '}
        <select
          value={speed}
          onChange={(e) => {
            const v = Number(e.target.value);
            playhead.speed = v;
            setSpeed(v);
          }}
        >
          {SPEEDS.map((v) => (
            <option key={v} value={v}>
              {v} steps/s
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
