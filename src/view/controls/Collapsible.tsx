import { useId, useState, type ReactNode } from 'react';
import './collapsible.css';

/**
 * A section that folds away on narrow (stacked) layouts and is always open on the desktop one.
 * Which applies is CSS's call (collapsible.css), so nothing here watches the window size; the
 * open state lives in this component, which App keeps mounted for the page's whole life.
 */
export function Collapsible({ title, children }: { title: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  return (
    <div className="collapsible" data-open={open}>
      <button
        type="button"
        className="collapsible-toggle"
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true" className="collapsible-chevron">
          ▸
        </span>
        {title}
      </button>
      <div id={bodyId} className="collapsible-body">
        {children}
      </div>
    </div>
  );
}
