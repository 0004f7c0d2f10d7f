import { parseCoordinate } from './parseInput.ts';
import { NumberField } from './TypedField.tsx';

/** Typed x and y of a point (the start, the curvature probe), each validated on its own. */
export function PointFields({
  id,
  name,
  point,
  onCommit,
}: {
  id: string;
  /** Names the point in error messages, e.g. "start" → "start x: must be…". */
  name: string;
  point: readonly [number, number];
  onCommit: (point: [number, number]) => void;
}) {
  return (
    <div className="start-row">
      <label>
        <span>x</span>
        <NumberField
          id={`${id}-x`}
          value={point[0]}
          parse={(t) => parseCoordinate(`${name} x`, t)}
          onCommit={(x) => onCommit([x, point[1]])}
        />
      </label>
      <label>
        <span>y</span>
        <NumberField
          id={`${id}-y`}
          value={point[1]}
          parse={(t) => parseCoordinate(`${name} y`, t)}
          onCommit={(y) => onCommit([point[0], y])}
        />
      </label>
    </div>
  );
}
