import { useId } from 'react';
import type {
  ChoiceParam,
  ListParam,
  NumberParam,
  ParamSpec,
  ParamValue,
  TupleParam,
} from '../../engine/params.ts';
import { fmtParam } from '../../engine/formatNumber.ts';
import { parseListFor, parseNumberFor } from './parseInput.ts';
import { sliderScaleOf } from './sliderScale.ts';
import { NumberField, TypedField } from './TypedField.tsx';

interface Props {
  spec: ParamSpec;
  value: ParamValue;
  onChange(value: ParamValue): void;
  /** What a nullable run-length parameter's null means: the run's number of steps. */
  steps?: number;
  /** Display text for a choice (e.g. SAM's base: optimizer id → name). */
  choiceLabel?(choice: string): string;
  /** Word for the default mark ("default" for PyTorch's, "suggested" for a surface's). */
  defaultWord?: string;
  /**
   * A value suggested for the surface shown (a new run's lr): marked beside torch's default,
   * each a button that sets it. null = none (torch's default suits the surface).
   */
  suggestion?: number | null;
  /** Set by something else (a schedule that sets the lr itself): the control is greyed, and says what. */
  setBy?: string | null;
}

const same = (a: ParamValue, b: ParamValue) => fmtParam(a) === fmtParam(b);

/**
 * One parameter's control, generated from its ParamSpec: sliders (log where spec.log) with a
 * typed field validated against the spec, one slider per tuple item, checkboxes, selects and
 * comma-separated lists. Each control marks its default (a button that restores it, and a tick
 * on the slider) and carries spec.help as a tooltip and as its accessible description.
 */
export function ParamControl({
  spec,
  value,
  onChange,
  steps,
  choiceLabel,
  defaultWord = 'default',
  suggestion = null,
  setBy = null,
}: Props) {
  const id = useId();
  const helpId = `${id}-help`;
  const isDefault = same(value, spec.default);
  // null is None for a choice and for a number that says what None means; else the run's length.
  const defaultText = fmtParam(
    spec.default,
    spec.kind === 'choice' || (spec.kind === 'number' && !!spec.nullMeans),
  );
  const torchMark = isDefault ? (
    <span className="param-default is-default" title={`This is the ${defaultWord} value`}>
      {defaultWord} {defaultText} ✓
    </span>
  ) : (
    <button
      type="button"
      className="param-default"
      aria-label={`Reset ${spec.label} to its ${defaultWord} ${defaultText}`}
      title={`Reset to the ${defaultWord} value`}
      onClick={() => onChange(Array.isArray(spec.default) ? [...spec.default] : spec.default)}
    >
      {defaultWord} {defaultText}
    </button>
  );
  const defaultMark =
    suggestion === null ? (
      torchMark
    ) : (
      <SuggestionMark
        label={spec.label}
        value={value}
        suggestion={suggestion}
        defaultText={defaultText}
        isDefault={isDefault}
        onChange={onChange}
        resetDefault={() => onChange(spec.default)}
      />
    );
  const help = (
    <span id={helpId} className="visually-hidden">
      {spec.help}
    </span>
  );
  const name = spec.name !== spec.label && <code className="param-name">{spec.name}</code>;

  if (spec.kind === 'boolean')
    return (
      <div className="param param-boolean" title={spec.help}>
        <div className="param-head">
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            aria-describedby={helpId}
            onChange={(e) => onChange(e.target.checked)}
          />
          <label htmlFor={id}>{spec.label}</label>
          {name}
          {defaultMark}
        </div>
        {help}
      </div>
    );

  if (setBy)
    return (
      <div className={`param param-${spec.kind} is-set-by`} title={spec.help}>
        <div className="param-head">
          <label htmlFor={id}>{spec.label}</label>
          {name}
          <span className="param-default">{setBy}</span>
        </div>
        {help}
        {/* Still readable (the value torch is given), but not editable: it would change nothing. */}
        <fieldset disabled className="param-set-by" aria-describedby={helpId}>
          {spec.kind === 'number' && (
            <NumberBody
              spec={spec}
              id={id}
              helpId={helpId}
              value={value as number | null}
              onChange={onChange}
              steps={steps}
            />
          )}
        </fieldset>
      </div>
    );

  return (
    <div className={`param param-${spec.kind}`} title={spec.help}>
      <div className="param-head">
        <label htmlFor={id}>{spec.label}</label>
        {name}
        {defaultMark}
      </div>
      {help}
      {spec.kind === 'number' && (
        <NumberBody
          spec={spec}
          id={id}
          helpId={helpId}
          value={value as number | null}
          onChange={onChange}
          steps={steps}
        />
      )}
      {spec.kind === 'tuple' && (
        <TupleBody
          spec={spec}
          id={id}
          helpId={helpId}
          value={value as readonly number[]}
          onChange={onChange}
        />
      )}
      {spec.kind === 'choice' && (
        <ChoiceBody
          spec={spec}
          id={id}
          helpId={helpId}
          value={value as string | null}
          onChange={onChange}
          choiceLabel={choiceLabel}
        />
      )}
      {spec.kind === 'list' && (
        <ListBody
          spec={spec}
          id={id}
          helpId={helpId}
          value={value as readonly number[]}
          onChange={onChange}
        />
      )}
    </div>
  );
}

/**
 * "suggested for this surface ✓ · PyTorch default 0.001": the surface's suggestion and torch's
 * default side by side, the one in effect ticked and the other a button that sets it.
 */
function SuggestionMark({
  label,
  value,
  suggestion,
  defaultText,
  isDefault,
  onChange,
  resetDefault,
}: {
  label: string;
  value: ParamValue;
  suggestion: number;
  defaultText: string;
  isDefault: boolean;
  onChange(v: ParamValue): void;
  resetDefault(): void;
}) {
  const isSuggested = same(value, suggestion);
  const text = fmtParam(suggestion);
  return (
    <span className="param-marks">
      {isSuggested ? (
        <span
          className="param-default is-default"
          title={`${text}: moves visibly on this surface within the run's steps`}
        >
          suggested for this surface ✓
        </span>
      ) : (
        <button
          type="button"
          className="param-default"
          aria-label={`Set ${label} to ${text}, suggested for this surface`}
          title="An lr that visibly moves on this surface within the run's steps"
          onClick={() => onChange(suggestion)}
        >
          suggested {text}
        </button>
      )}
      {isDefault ? (
        <span className="param-default is-default" title="This is PyTorch's default">
          PyTorch default {defaultText} ✓
        </span>
      ) : (
        <button
          type="button"
          className="param-default"
          aria-label={`Set ${label} to PyTorch's default ${defaultText}`}
          title="Tuned for networks of millions of weights; on a two-weight surface it may barely move"
          onClick={resetDefault}
        >
          PyTorch default {defaultText}
        </button>
      )}
    </span>
  );
}

interface BodyProps<S, V> {
  spec: S;
  id: string;
  helpId: string;
  value: V;
  onChange(value: ParamValue): void;
}

/** A slider and a typed field for one number (a whole param or one tuple item). */
function SliderWithField({
  bounds,
  id,
  helpId,
  value,
  label,
  parse,
  onValue,
  defaultValue,
}: {
  bounds: Parameters<typeof sliderScaleOf>[0];
  id: string;
  helpId: string;
  value: number;
  label: string;
  parse: (t: string) => ReturnType<typeof parseNumberFor>;
  onValue(v: number): void;
  defaultValue: number | null;
}) {
  const scale = sliderScaleOf(bounds);
  const ticks = `${id}-ticks`;
  return (
    <div className="param-row">
      <input
        id={id}
        type="range"
        min={0}
        max={scale.positions}
        step={1}
        value={scale.toPosition(value)}
        aria-label={label}
        aria-valuetext={String(value)}
        aria-describedby={helpId}
        list={defaultValue !== null ? ticks : undefined}
        onChange={(e) => {
          const v = scale.toValue(Number(e.target.value));
          if (v !== value) onValue(v);
        }}
      />
      {defaultValue !== null && (
        <datalist id={ticks}>
          <option value={scale.toPosition(defaultValue)} />
        </datalist>
      )}
      <NumberField
        id={`${id}-typed`}
        className="param-typed"
        value={value}
        parse={parse}
        onCommit={onValue}
        aria-label={`${label} (typed value)`}
        aria-describedby={helpId}
      />
    </div>
  );
}

function NumberBody({
  spec,
  id,
  helpId,
  value,
  onChange,
  steps,
}: BodyProps<NumberParam, number | null> & { steps?: number }) {
  // null is the run's length (schedules), or what the spec says it means (LBFGS's max_eval).
  const means = spec.nullMeans;
  const nullToggle = spec.nullable && (
    <label className="param-null">
      <input
        // While null, the field's label points here: the checkbox is the control in effect.
        id={value === null ? id : `${id}-null`}
        type="checkbox"
        aria-label={
          means
            ? `${spec.label}: None (${means.text})`
            : `${spec.label}: use the run’s number of steps`
        }
        checked={value === null}
        aria-describedby={helpId}
        onChange={(e) => {
          if (e.target.checked) onChange(null);
          else {
            const fallback = means?.value ?? steps ?? spec.sliderMin ?? spec.min;
            onChange(Math.min(spec.max, Math.max(spec.min, Math.round(fallback))));
          }
        }}
      />
      {means ? '= None' : '= steps'}
      {!means && steps !== undefined && value === null ? ` (${steps})` : ''}
    </label>
  );
  if (value === null)
    return (
      <div className="param-row">
        {nullToggle}
        <span className="muted">{means ? means.text : 'follows the run’s length'}</span>
      </div>
    );
  return (
    <>
      <SliderWithField
        bounds={spec}
        id={id}
        helpId={helpId}
        value={value}
        label={spec.label}
        parse={(t) => parseNumberFor(spec, t)}
        onValue={onChange}
        defaultValue={spec.default}
      />
      {nullToggle}
    </>
  );
}

function TupleBody({
  spec,
  id,
  helpId,
  value,
  onChange,
}: BodyProps<TupleParam, readonly number[]>) {
  const withItem = (i: number, v: number) => value.map((x, j) => (j === i ? v : x));
  return (
    <div className="param-items">
      {value.map((item, i) => {
        const itemLabel = spec.itemLabels[i] ?? `${spec.label}[${i}]`;
        const itemId = i === 0 ? id : `${id}-${i}`;
        return (
          <div className="param-item" key={i}>
            <label htmlFor={itemId} className="param-item-label">
              {itemLabel}
            </label>
            <SliderWithField
              bounds={spec}
              id={itemId}
              helpId={helpId}
              value={item}
              label={`${spec.label} ${itemLabel}`}
              parse={(t) => parseNumberFor(spec, t, (n) => withItem(i, n), `${spec.name}[${i}]`)}
              onValue={(v) => onChange(withItem(i, v))}
              defaultValue={spec.default[i] ?? null}
            />
          </div>
        );
      })}
    </div>
  );
}

function ChoiceBody({
  spec,
  id,
  helpId,
  value,
  onChange,
  choiceLabel,
}: BodyProps<ChoiceParam, string | null> & { choiceLabel?(choice: string): string }) {
  // A None choice (null) is the empty option value; shown as Python spells it.
  return (
    <select
      id={id}
      value={value ?? ''}
      aria-describedby={helpId}
      onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
    >
      {spec.choices.map((c) => (
        <option key={c ?? ''} value={c ?? ''}>
          {c === null ? 'None' : choiceLabel ? choiceLabel(c) : c}
        </option>
      ))}
    </select>
  );
}

function ListBody({ spec, id, helpId, value, onChange }: BodyProps<ListParam, readonly number[]>) {
  return (
    <div className="param-row">
      <TypedField<readonly number[]>
        id={id}
        className="param-list"
        value={value}
        format={(v) => v.join(', ')}
        parse={(t) => parseListFor(spec, t)}
        onCommit={(v) => onChange(v)}
        inputMode="text"
        placeholder="e.g. 100, 200"
        aria-describedby={helpId}
      />
    </div>
  );
}
