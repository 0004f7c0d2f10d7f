import { useLab } from '../state/useLab.ts';
import { actions } from '../state/store.ts';

/** A dismissable message above the view: a bad link, a restored session, an offer to go back. */
export function Notice() {
  const notice = useLab((s) => s.notice);
  if (!notice) return null;
  return (
    <div className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span>{notice.text}</span>
      <button type="button" aria-label="Dismiss message" onClick={() => actions.setNotice(null)}>
        ×
      </button>
    </div>
  );
}
