import { useEffect, useRef } from 'react';
import type { DecisionRegions } from '../../scenario/networkPicture.ts';

/** Class colours for the regions and points: distinct from the runs' palette, colour-blind safe. */
const CLASS_COLORS: readonly [number, number, number][] = [
  [0, 114, 178],
  [230, 159, 0],
  [0, 158, 115],
  [204, 121, 167],
  [86, 180, 233],
  [213, 94, 0],
  [240, 228, 66],
  [120, 120, 120],
  [0, 0, 0],
  [170, 68, 153],
];

/**
 * The network's prediction over the input plane at a run's last iterate: each cell tinted by
 * its class, paler where the network is unsure (softmax probability near 1/classes), with the
 * training points on top. Drawn once per picture, not per frame.
 */
export function DecisionBoundary({
  regions,
  train,
  label,
}: {
  regions: DecisionRegions;
  train: { x: Float64Array; y: Int32Array; classes: number };
  label: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const size = canvas.width;
    const n = regions.resolution;
    const img = ctx.createImageData(n, n);
    const floor = 1 / train.classes;
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++) {
        const c = j * n + i;
        const [r, g, b] = CLASS_COLORS[regions.classes[c] % CLASS_COLORS.length];
        const sure = (regions.confidence[c] - floor) / (1 - floor);
        const a = 0.15 + 0.45 * Math.max(0, Math.min(1, sure));
        // Row j is x₂'s j-th value from the bottom: the image's rows go top down.
        const o = 4 * ((n - 1 - j) * n + i);
        img.data[o] = Math.round(255 - a * (255 - r));
        img.data[o + 1] = Math.round(255 - a * (255 - g));
        img.data[o + 2] = Math.round(255 - a * (255 - b));
        img.data[o + 3] = 255;
      }
    const small = document.createElement('canvas');
    small.width = n;
    small.height = n;
    small.getContext('2d')!.putImageData(img, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(small, 0, 0, size, size);
    const [x0, x1, y0, y1] = regions.extent;
    for (let p = 0; p < train.y.length; p++) {
      const [r, g, b] = CLASS_COLORS[train.y[p] % CLASS_COLORS.length];
      const px = ((train.x[2 * p] - x0) / (x1 - x0)) * size;
      const py = (1 - (train.x[2 * p + 1] - y0) / (y1 - y0)) * size;
      ctx.beginPath();
      ctx.arc(px, py, 2.5, 0, 2 * Math.PI);
      ctx.fillStyle = `rgb(${r},${g},${b})`;
      ctx.fill();
      ctx.strokeStyle = 'white';
      ctx.lineWidth = 0.8;
      ctx.stroke();
    }
  }, [regions, train]);
  return (
    <figure className="decision-boundary">
      <canvas
        ref={ref}
        width={240}
        height={240}
        role="img"
        aria-label={`Decision regions of ${label}`}
      />
      <figcaption>{label}: decision regions at its last step</figcaption>
    </figure>
  );
}
