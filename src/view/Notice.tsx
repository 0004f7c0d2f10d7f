import { useLab } from '../state/useLab.ts';
import { actions } from '../state/store.ts';
import { returnToSaved, undoReset } from '../state/persistence.ts';

/** A dismissable message above the view: a bad link, an offer to go back to the user's own work. */
export function Notice() {
  const notice = useLab((s) => s.notice);
  if (!notice) return null;
  return (
    <div
      className={`notice ${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-testid="notice"
    >
      <span>{notice.text}</span>
      {notice.action === 'return' && (
        <button type="button" onClick={returnToSaved}>
          Return to my scenario
        </button>
      )}
      {notice.action === 'undo-reset' && (
        <button type="button" onClick={undoReset}>
          Undo
        </button>
      )}
      <button type="button" aria-label="Dismiss message" onClick={() => actions.setNotice(null)}>
        ×
      </button>
    </div>
  );
}
