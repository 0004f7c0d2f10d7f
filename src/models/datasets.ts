import { NormalStream } from '../engine/noise.ts';
import { mixSeed } from '../surfaces/catalog/data/seedMix.ts';

/** A classification dataset of 2-D inputs: x row-major (n × 2), integer labels 0..classes−1. */
export interface Dataset {
  n: number;
  classes: number;
  x: Float64Array;
  y: Int32Array;
}

export type DatasetName = 'moons' | 'circles' | 'spirals' | 'xor' | 'blobs';

export interface DatasetSpec {
  name: DatasetName;
  n: number;
  noise: number;
  seed: number;
  /** blobs only: how many classes (clusters). */
  classes?: number;
}

/**
 * One example of each dataset from a uniform u ∈ (0, 1) for its position along the class's
 * shape (two more for xor and blobs), before noise. Point i has class i mod classes, so the
 * classes interleave and every batch of DataLoader(shuffle=False) holds all of them.
 */
type Shape = (c: number, classes: number, rng: NormalStream, out: Float64Array) => void;

const SHAPES: Readonly<Record<DatasetName, Shape>> = {
  // sklearn's make_moons: the upper half circle, and the lower one shifted to (1, 0.5).
  moons(c, _k, rng, out) {
    const t = Math.PI * rng.nextUniform();
    out[0] = c === 0 ? Math.cos(t) : 1 - Math.cos(t);
    out[1] = c === 0 ? Math.sin(t) : 0.5 - Math.sin(t);
  },
  // sklearn's make_circles(factor=0.5): radius 1 for class 0, 0.5 for class 1.
  circles(c, _k, rng, out) {
    const t = 2 * Math.PI * rng.nextUniform();
    const r = c === 0 ? 1 : 0.5;
    out[0] = r * Math.cos(t);
    out[1] = r * Math.sin(t);
  },
  // Two interleaved arms, 1.5 turns each from radius 0.2 to 1; class 1 is class 0 turned by π.
  spirals(c, _k, rng, out) {
    const s = rng.nextUniform();
    const r = 0.2 + 0.8 * s;
    const t = 3 * Math.PI * s + c * Math.PI;
    out[0] = r * Math.cos(t);
    out[1] = r * Math.sin(t);
  },
  // Uniform on the square [−1, 1]², the class by quadrant: 0 where x₁x₂ > 0, 1 elsewhere.
  xor(c, _k, rng, out) {
    const a = 2 * rng.nextUniform() - 1;
    const b = rng.nextUniform();
    out[0] = a;
    out[1] = (c === 0 ? 1 : -1) * Math.sign(a) * b;
  },
  // Gaussian clusters with unit spread scaled by noise, centred on a circle of radius 1.5.
  blobs(c, k, _rng, out) {
    const t = Math.PI / 2 + (2 * Math.PI * c) / k;
    out[0] = 1.5 * Math.cos(t);
    out[1] = 1.5 * Math.sin(t);
  },
};

const classCount = (spec: DatasetSpec) => (spec.name === 'blobs' ? (spec.classes ?? 3) : 2);

function draw(spec: DatasetSpec, stream: number): Dataset {
  const classes = classCount(spec);
  const rng = new NormalStream(mixSeed(spec.seed, stream));
  const x = new Float64Array(2 * spec.n);
  const y = new Int32Array(spec.n);
  const p = new Float64Array(2);
  const shape = SHAPES[spec.name];
  for (let i = 0; i < spec.n; i++) {
    const c = i % classes;
    shape(c, classes, rng, p);
    x[2 * i] = p[0] + spec.noise * rng.nextNormal();
    x[2 * i + 1] = p[1] + spec.noise * rng.nextNormal();
    y[i] = c;
  }
  return { n: spec.n, classes, x, y };
}

/**
 * The training set (stream 0 of the seed) and a held-out test set of the same size drawn
 * independently (stream 1), so a seed names both on every machine.
 */
export function makeDatasets(spec: DatasetSpec): { train: Dataset; test: Dataset } {
  return { train: draw(spec, 0), test: draw(spec, 1) };
}
