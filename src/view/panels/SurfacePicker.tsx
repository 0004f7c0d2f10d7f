import { useEffect, useId, useRef } from 'react';
import { CATEGORY_LABELS, surfaceGroups } from './surfaceEntries.ts';

interface Props {
  /** The selected entry's id ('custom' for a typed expression). */
  selected: string;
  onSelect(id: string): void;
}

/**
 * The surface catalog as one radio group (arrow keys move through it), grouped by category, each
 * entry with its one-line lesson so the list doubles as a syllabus.
 */
export function SurfacePicker({ selected, onSelect }: Props) {
  const name = useId();
  const groups = surfaceGroups();
  const box = useRef<HTMLDivElement | null>(null);
  // Keep the selected entry in view inside the list (after a loaded scenario, say) without
  // scrolling the page around it.
  useEffect(() => {
    const list = box.current;
    const el = list?.querySelector<HTMLElement>('.is-selected');
    if (!list || !el) return;
    const top = el.offsetTop; // the list is the offsetParent (position: relative)
    if (top < list.scrollTop || top + el.offsetHeight > list.scrollTop + list.clientHeight)
      list.scrollTop = top - 8;
  }, [selected]);
  return (
    <div className="surface-picker" role="radiogroup" aria-label="Surface" ref={box}>
      {groups.map((g) => (
        <fieldset key={g.category}>
          <legend>{CATEGORY_LABELS[g.category]}</legend>
          {g.entries.map((e) => (
            <label
              key={e.id}
              className={`surface-option${e.id === selected ? ' is-selected' : ''}`}
            >
              <input
                type="radio"
                name={name}
                value={e.id}
                checked={e.id === selected}
                onChange={() => onSelect(e.id)}
              />
              <span className="surface-option-text">
                <span className="surface-name">{e.name}</span>
                <span className="surface-lesson">{e.lesson}</span>
              </span>
            </label>
          ))}
        </fieldset>
      ))}
    </div>
  );
}
