import { useEffect } from 'react';
import { actions } from '../state/store.ts';
import { seek, shownStep } from '../state/playhead.ts';

/** Space play/pause, ←/→ step (shift: ×10), Home/R reset — unless the user is typing. */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) {
        const type = (t as HTMLInputElement).type;
        if (t.tagName !== 'INPUT' || !['range', 'checkbox', 'button'].includes(type)) return;
        if (e.key === ' ' || e.key.startsWith('Arrow')) return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const n = e.shiftKey ? 10 : 1;
      if (e.key === ' ') {
        e.preventDefault();
        actions.togglePlaying();
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        seek(shownStep() + n);
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        seek(shownStep() - n);
      } else if (e.key === 'r' || e.key === 'R' || e.key === 'Home') {
        e.preventDefault();
        actions.reset();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
