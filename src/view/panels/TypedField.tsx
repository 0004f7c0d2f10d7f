import { useState } from 'react';
import type { Parsed } from './parseInput.ts';
import { roundSig } from './sliderScale.ts';

interface Props<T> {
  id?: string;
  /** The committed value this field shows. */
  value: T;
  format(value: T): string;
  /** Text → a valid value, or a message naming the field. */
  parse(text: string): Parsed<T>;
  /** Called on every keystroke that yields a valid, different value. */
  onCommit(value: T): void;
  'aria-label'?: string;
  'aria-describedby'?: string;
  disabled?: boolean;
  className?: string;
  inputMode?: 'decimal' | 'numeric' | 'text';
  placeholder?: string;
}

/**
 * A typed value that commits as soon as what is typed is valid and otherwise explains why not,
 * inline, while the last valid value stays in effect (Escape puts it back). A plain text input
 * rather than type=number, so the message can quote what was actually typed ("1e-").
 */
export function TypedField<T>({
  value,
  format,
  parse,
  onCommit,
  inputMode = 'decimal',
  ...rest
}: Props<T>) {
  // The draft remembers which committed value it was typed for; when the value changes from
  // elsewhere (a slider, a loaded scenario) the draft is replaced by it.
  const shown = format(value);
  const [draft, setDraft] = useState({ text: shown, forValue: shown });
  let text = draft.text;
  if (draft.forValue !== shown) {
    text = shown;
    setDraft({ text, forValue: shown });
  }
  const parsed = text === shown ? null : parse(text);
  const error = parsed && !parsed.ok ? parsed.message : null;
  const msgId = rest.id ? `${rest.id}-error` : undefined;
  const describedBy = [rest['aria-describedby'], error ? msgId : undefined]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <input
        {...rest}
        type="text"
        inputMode={inputMode}
        spellCheck={false}
        autoComplete="off"
        className={`typed-field ${rest.className ?? ''}`}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => {
          const t = e.target.value;
          const p = parse(t);
          if (p.ok && format(p.value) !== shown) {
            setDraft({ text: t, forValue: format(p.value) });
            onCommit(p.value);
          } else setDraft({ text: t, forValue: shown });
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setDraft({ text: shown, forValue: shown });
        }}
      />
      {error && (
        <span className="field-error" id={msgId} aria-live="polite">
          {error} — still using {shown === '' ? 'the default' : shown}
        </span>
      )}
    </>
  );
}

/** Twelve significant digits: hides float noise such as −1.7999999999999998 from a computed start. */
const formatNumber = (v: number) => String(roundSig(v, 12));

/** A number field (the common case). */
export function NumberField(props: Omit<Props<number>, 'format'>) {
  return <TypedField {...props} format={formatNumber} />;
}
