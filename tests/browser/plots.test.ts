import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, screenshot } from './chromium.ts';
import {
  canvasChange,
  expectNoErrors,
  MAP,
  openLab,
  snapCanvas,
  waitForCanvasChange,
  waitForInk,
} from './helpers.ts';
import { PRESETS_BY_ID } from '../../src/scenario/presets/index.ts';
import { packJsonForTest } from '../scenario/packForTest.ts';
import { parseScenario } from '../../src/scenario/parseScenario.ts';
import { buildSurface, runOne } from '../../src/scenario/runScenario.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const base = () => inject('baseUrl');

/** The y range a plot's canvas says it drew (set when its lines are drawn). */
async function drawnRange(page: Page, id: string): Promise<[number, number]> {
  const sel = `[data-testid="plot-${id}"]`;
  await page.waitForSelector(`${sel}[data-y-max]`, { timeout: 15_000 });
  const [lo, hi] = await page.$eval(sel, (c) => [
    (c as HTMLCanvasElement).dataset.yMin,
    (c as HTMLCanvasElement).dataset.yMax,
  ]);
  return [Number(lo), Number(hi)];
}

// The ravine with SGD at lr 1.5 (> 2/λmax = 1): |v| doubles each step; by step 100 its loss is
// ~1e60, still finite, so the run never "diverges" to a NaN.
const diverging = {
  version: 1,
  surface: { id: 'ravine' },
  steps: 100,
  runs: [
    { optimizer: 'sgd', params: { lr: 0.1 }, label: 'SGD 0.1' },
    { optimizer: 'sgd', params: { lr: 1.5 }, label: 'SGD 1.5' },
    { optimizer: 'adam', params: { lr: 0.1 }, label: 'Adam' },
  ],
  view: { mode: '2d' },
};

describe('plots in Chromium', () => {
  it('keep their range near the calm runs’ when one run blows up, and mark where it left', async () => {
    // The calm runs' highest loss, from the engine itself.
    const s = parseScenario(diverging);
    const built = buildSurface(s.surface, s.noise.seed);
    let calmMax = 0;
    let wildMax = 0;
    s.runs.forEach((run, i) => {
      const r = runOne(s, run, built);
      for (let k = 0; k < r.points; k++)
        if (i === 1) wildMax = Math.max(wildMax, r.losses[k]);
        else calmMax = Math.max(calmMax, r.losses[k]);
    });
    expect(wildMax).toBeGreaterThan(1e50);

    const { page, errors } = await openLab(browser, base(), {
      query: `#s=${packJsonForTest(diverging)}`,
      view: '2d',
    });
    await waitForInk(page, '[data-testid="plot-loss"]', 0.01);
    const [lo, hi] = await drawnRange(page, 'loss');
    expect(hi).toBeGreaterThanOrEqual(calmMax);
    // Within two decades of the calm runs' top (it was 1e60 before), the bottom still theirs.
    expect(hi).toBeLessThan(100 * calmMax);
    expect(lo).toBeLessThan(1e-3);
    for (const id of ['grad', 'dist']) {
      const [, top] = await drawnRange(page, id);
      expect(top).toBeLessThan(1e3);
    }
    // The diverging run (index 1) ends in an upward marker, at a step inside the run.
    const left = await page.$eval(
      '[data-testid="plot-loss"]',
      (c) => (c as HTMLElement).dataset.left,
    );
    const m = /^1:(\d+):up$/.exec(left ?? '');
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(0);
    expect(Number(m![1])).toBeLessThan(20);
    await expect
      .poll(() => page.locator('.plot-caption').first().textContent())
      .toContain('SGD 1.5 left the domain at step');
    await screenshot(page, 'plots-diverging');
    expectNoErrors(errors);
    await page.close();
  });

  it('shows the LR range test lesson’s loss-vs-lr plot with its two picks', async () => {
    // Any 2D scenario to start from; the lesson is opened the way a person would.
    const { page, errors } = await openLab(browser, base(), {
      query: `#s=${packJsonForTest({ ...diverging, runs: diverging.runs.slice(0, 1) })}`,
      view: '2d',
    });
    await page.getByRole('button', { name: 'Lessons' }).click();
    await page.getByRole('button', { name: /The LR range test/ }).click();
    const sel = '[data-testid="plot-lr-finder"]';
    await page.waitForSelector(`${sel}[data-steepest]`, { timeout: 15_000 });
    await waitForInk(page, sel, 0.01);
    const d = await page.$eval(sel, (c) => ({ ...(c as HTMLElement).dataset }));
    // The sweep's lr axis: the lesson's start_lr … end_lr.
    const lesson = parseScenario(PRESETS_BY_ID['lr-range-test'].scenario);
    const sweep = lesson.runs[0].schedule!.params as { start_lr: number; end_lr: number };
    expect(Number(d.xMin)).toBeCloseTo(sweep.start_lr, 10);
    expect(Number(d.xMax)).toBeCloseTo(sweep.end_lr, 10);
    const steep = Number(d.steepest);
    const min = Number(d.minimum);
    // Steepest descent comes before the minimum, and both are inside the sweep.
    expect(steep).toBeGreaterThan(1e-4);
    expect(steep).toBeLessThan(min);
    expect(min).toBeLessThan(sweep.end_lr);
    expect(await page.locator('.plot-finder .plot-caption').textContent()).toMatch(
      /steepest descent at lr [\d.e-]+ \(the pick\) · lowest loss at lr [\d.e-]+/,
    );
    await screenshot(page, 'plots-lr-range-test');
    // A lesson without a range test has no such plot.
    await page.getByRole('button', { name: 'Lessons' }).click();
    await page
      .getByRole('button', { name: /momentum/i })
      .first()
      .click();
    await expect.poll(() => page.locator(sel).count()).toBe(0);
    await page.waitForSelector(MAP);
    expectNoErrors(errors);
    await page.close();
  });

  it('opens the curvature readout beside a shift-clicked point, in view, saddle read as indefinite', async () => {
    const saddle = { ...diverging, surface: { id: 'saddle' }, runs: diverging.runs.slice(0, 1) };
    const viewport = { width: 1024, height: 700 };
    const { page, errors } = await openLab(browser, base(), {
      query: `#s=${packJsonForTest(saddle)}`,
      view: '2d',
      viewport,
    });
    const box = (await page.locator(MAP).boundingBox())!;
    // The saddle's centre (0, 0) is in the middle of its symmetric domain.
    const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.keyboard.down('Shift');
    await page.mouse.click(at.x, at.y);
    await page.keyboard.up('Shift');
    const card = page.getByRole('dialog', { name: 'Curvature at the probe' });
    await card.waitFor({ timeout: 10_000 });
    const c = (await card.boundingBox())!;
    // Entirely inside the window (no scrolling), and close to the point it describes.
    expect(c.x).toBeGreaterThanOrEqual(0);
    expect(c.y).toBeGreaterThanOrEqual(0);
    expect(c.x + c.width).toBeLessThanOrEqual(viewport.width);
    expect(c.y + c.height).toBeLessThanOrEqual(viewport.height);
    const dx = Math.max(c.x - at.x, at.x - (c.x + c.width), 0);
    const dy = Math.max(c.y - at.y, at.y - (c.y + c.height), 0);
    expect(Math.hypot(dx, dy)).toBeLessThan(40);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('indefinite');
    expect(text).not.toContain('κ');
    // λ1 ≥ λ2: the positive curvature first.
    const m = /λ1 = (−?[\d.e−-]+), λ2 = (−?[\d.e−-]+)/.exec(text);
    expect(m).not.toBeNull();
    const num = (t: string) => Number(t.replace(/−/g, '-'));
    expect(num(m![1])).toBeGreaterThan(0);
    expect(num(m![2])).toBeLessThan(0);
    await screenshot(page, 'plots-probe-card');
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
    expectNoErrors(errors);
    await page.close();
  });

  it('draws the arrows option on the 2D map too', async () => {
    const momentum = {
      ...diverging,
      runs: [{ optimizer: 'sgd', params: { lr: 0.05, momentum: 0.9 }, label: 'SGD momentum' }],
      view: { mode: '2d', playhead: 8 },
    };
    const { page, errors } = await openLab(browser, base(), {
      query: `#s=${packJsonForTest(momentum)}`,
      view: '2d',
    });
    await snapCanvas(page, MAP, 'before-arrows');
    await page.getByLabel('arrows', { exact: true }).check();
    await waitForCanvasChange(page, MAP, 'before-arrows', 0.0005);
    await page.getByLabel('arrows', { exact: true }).uncheck();
    // Off again: back to the picture without them.
    await expect.poll(() => canvasChange(page, MAP, 'before-arrows')).toBeLessThan(0.0002);
    await screenshot(page, 'plots-map-arrows');
    expectNoErrors(errors);
    await page.close();
  });
});
