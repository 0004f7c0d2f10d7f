import { useId, useState } from 'react';
import {
  checkExpression,
  compileExpression,
  ExpressionError,
  FUNCTION_NAMES,
  type CheckResult,
} from '../../surfaces/expression/index.ts';

/**
 * The cheap check first (every keystroke), then a full compile once it passes (memoized, so
 * the surface built from it next is free): an expression can pass the check and still be too
 * complex to differentiate, and then the last valid surface must stay.
 */
function verify(text: string): CheckResult {
  const c = checkExpression(text);
  if (!c.ok) return c;
  try {
    compileExpression(text);
    return c;
  } catch (e) {
    if (e instanceof ExpressionError) return { ok: false, error: e };
    throw e;
  }
}
import { LIMITS } from '../../scenario/scenario.ts';
import { splitAtError } from './errorSpan.ts';

interface Props {
  /** The expression currently drawn (always a valid one). */
  expression: string;
  onValid(expression: string): void;
}

/**
 * The custom f(x, y) box. Every keystroke is checked; a valid expression replaces the surface at
 * once, an invalid one shows its message with the offending part underlined while the last valid
 * surface stays drawn.
 */
export function ExpressionInput({ expression, onValid }: Props) {
  const id = useId();
  const [draft, setDraft] = useState({ text: expression, forExpression: expression });
  let text = draft.text;
  // Replaced from elsewhere (a loaded scenario): show that.
  if (draft.forExpression !== expression) {
    text = expression;
    setDraft({ text, forExpression: expression });
  }
  const check = text === expression ? ({ ok: true } as const) : verify(text);
  const error = check.ok ? null : check.error;
  const parts = error ? splitAtError(text, error.index, error.length) : null;
  return (
    <div className="expression">
      <label htmlFor={id}>f(x, y) =</label>
      <textarea
        id={id}
        className="expression-input"
        rows={2}
        spellCheck={false}
        autoComplete="off"
        maxLength={LIMITS.maxExpression}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onKeyDown={(e) => {
          // One expression, one line: Enter would start a second statement.
          if (e.key === 'Enter') e.preventDefault();
          if (e.key === 'Escape') setDraft({ text: expression, forExpression: expression });
        }}
        onChange={(e) => {
          const t = e.target.value.replace(/[\r\n]+/g, ' ');
          const c = verify(t);
          if (c.ok && t !== expression) {
            setDraft({ text: t, forExpression: t });
            onValid(t);
          } else setDraft({ text: t, forExpression: expression });
        }}
      />
      <p id={`${id}-hint`} className="hint">
        Use x, y, numbers, pi, e, + − * / ^ and {FUNCTION_NAMES.join(', ')}.
      </p>
      {error && parts && (
        <div id={`${id}-error`} className="expression-error" aria-live="polite">
          <code className="expression-echo" aria-hidden="true">
            {parts.before}
            <mark className="error-mark">{parts.marked || ' '}</mark>
            {parts.after}
          </code>
          <span className="field-error">{error.message} — the last valid surface stays drawn.</span>
        </div>
      )}
    </div>
  );
}
