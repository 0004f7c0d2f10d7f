import { useEffect, useRef } from 'react';

/** A modal showing text to copy (PyTorch code, a link where the clipboard is refused). */
export function TextDialog({
  title,
  text,
  onClose,
}: {
  title: string;
  text: string;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className="text-dialog" aria-label={title} onClose={onClose}>
      <h2>{title}</h2>
      <textarea
        readOnly
        value={text}
        rows={18}
        aria-label={title}
        onFocus={(e) => e.target.select()}
      />
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}
