import { useId, useState } from 'react';
import {
  checkExpression,
  compileExpression,
  ExpressionError,
  FUNCTION_NAMES,
  type CheckResult,
} from '../../surfaces/expression/index.ts';
import { checkFinite } from '../../surfaces/expression/checkFinite.ts';
import { surfaceStart } from '../../scenario/runScenario.ts';
import { useLab } from '../../state/useLab.ts';
import { DEFAULT_DOMAIN } from '../../scenario/scenario.ts';
import { splitAtError } from './errorSpan.ts';

type DomainTuple = [number, number, number, number];

/** What the box shows: the message and the part of the text it is about. */
type Verdict = { ok: true } | { ok: false; message: string; index: number; length: number };

const fromError = (e: ExpressionError): Verdict => ({
  ok: false,
  message: e.message,
  index: e.index,
  length: e.length,
});

/**
 * The cheap check first (every keystroke), then a full compile once it passes (memoized, so
 * the surface built from it next is free): an expression can pass the check and still be too
 * complex to differentiate, and then the last valid surface must stay. Last, f must be finite
 * at the start and over most of the view (`1/0` compiles, but no run could move on it).
 */
function verify(text: string, domain: DomainTuple): Verdict {
  const c: CheckResult = checkExpression(text);
  if (!c.ok) return fromError(c.error);
  try {
    const { objective } = compileExpression(text);
    const [xMin, xMax, yMin, yMax] = domain;
    const start = surfaceStart({ expression: text, domain });
    const problem = checkFinite(objective, { xMin, xMax, yMin, yMax }, start);
    // About the whole expression, not a part of it: the whole text is marked, no "(char N)".
    return problem ? { ok: false, message: problem, index: 0, length: text.length } : c;
  } catch (e) {
    if (e instanceof ExpressionError) return fromError(e);
    throw e;
  }
}

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
  const domain = useLab((s) =>
    'expression' in s.scenario.surface ? s.scenario.surface.domain : DEFAULT_DOMAIN,
  );
  const [draft, setDraft] = useState({ text: expression, forExpression: expression });
  let text = draft.text;
  // Replaced from elsewhere (a loaded scenario): show that.
  if (draft.forExpression !== expression) {
    text = expression;
    setDraft({ text, forExpression: expression });
  }
  // The drawn expression is checked too: a link or a domain change can make it non-finite.
  const check = verify(text, domain);
  const drawn = text === expression;
  const error = check.ok ? null : check;
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
          // No maxLength on the box: a paste past the limit is shown and refused with the
          // reason, never silently cut to a different expression.
          const c = verify(t, domain);
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
          <span className="field-error">
            {error.message}
            {drawn ? '.' : ' — the last valid surface stays drawn.'}
          </span>
        </div>
      )}
    </div>
  );
}
