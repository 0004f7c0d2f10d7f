import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, screenshot } from './chromium.ts';
import {
  expectNoErrors,
  legendRows,
  MAP,
  openLab,
  retype,
  snapCanvas,
  waitForCanvasChange,
  waitForInk,
} from './helpers.ts';
import { packJsonForTest } from '../scenario/packForTest.ts';
import { PALETTE } from '../../src/view/palette.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const base = () => inject('baseUrl');
const PLOT = '[data-testid="sweep-lr-plot"]';

// Two runs on the ravine: SGD and Adam, 100 steps each.
const race = {
  version: 1,
  surface: { id: 'ravine' },
  steps: 100,
  runs: [
    { optimizer: 'sgd', params: { lr: 0.01 }, label: 'SGD' },
    { optimizer: 'adam', params: { lr: 0.001 }, label: 'Adam' },
  ],
  view: { mode: '2d' },
};

const rgbOf = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** How many of a canvas's pixels are within a small distance of a colour. */
async function pixelsOf(page: Page, sel: string, hex: string): Promise<number> {
  return page.$eval(
    sel,
    (c, rgb) => {
      const canvas = c as HTMLCanvasElement;
      const off = document.createElement('canvas');
      off.width = canvas.width;
      off.height = canvas.height;
      const ctx = off.getContext('2d')!;
      ctx.drawImage(canvas, 0, 0);
      const d = ctx.getImageData(0, 0, off.width, off.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4)
        if (
          Math.abs(d[i] - rgb[0]) + Math.abs(d[i + 1] - rgb[1]) + Math.abs(d[i + 2] - rgb[2]) <
          40
        )
          n++;
      return n;
    },
    rgbOf(hex),
  );
}

/**
 * Where on the page run colour `hex` is drawn in the plot's column at `lr` (the sweep's log lr
 * axis, from the canvas's data-x-min/max and the plot's margins): a point a person would aim at.
 */
async function pointAt(page: Page, lr: number, hex: string): Promise<{ x: number; y: number }> {
  // The axes are written on the canvas when it is drawn, a frame after the data arrive.
  await page.waitForFunction(
    (sel) => (document.querySelector(sel) as HTMLElement | null)?.dataset.xMin !== undefined,
    PLOT,
  );
  const box = (await page.locator(PLOT).boundingBox())!;
  return page
    .$eval(
      PLOT,
      (c, [lrAt, rgb, left, right]) => {
        const canvas = c as HTMLCanvasElement;
        const r = canvas.getBoundingClientRect();
        const dpr = canvas.width / r.width;
        const lo = Math.log10(Number(canvas.dataset.xMin));
        const hi = Math.log10(Number(canvas.dataset.xMax));
        const w = r.width - left - right;
        const cssX = left + ((Math.log10(lrAt as number) - lo) / (hi - lo)) * w;
        const ctx = canvas.getContext('2d')!;
        const col = ctx.getImageData(Math.round(cssX * dpr), 0, 1, canvas.height).data;
        const [cr, cg, cb] = rgb as number[];
        for (let y = 0; y < canvas.height; y++) {
          const i = 4 * y;
          if (Math.abs(col[i] - cr) + Math.abs(col[i + 1] - cg) + Math.abs(col[i + 2] - cb) < 40)
            return { x: cssX, y: y / dpr };
        }
        return { x: cssX, y: -1 };
      },
      [lr, rgbOf(hex), 44, 10] as const,
    )
    .then((p) => ({ x: box.x + p.x, y: box.y + p.y }));
}

async function lrOfRun(page: Page, i: number): Promise<number> {
  await legendRows(page).nth(i).locator('.run-name').click();
  return Number(
    await page.getByRole('textbox', { name: 'learning rate (typed value)' }).inputValue(),
  );
}

describe('sweeps in Chromium', () => {
  it('computes an lr sweep, sets a run’s lr from a click, tunes fairly, and refuses a too-big sweep', async () => {
    const { page, errors } = await openLab(browser, base(), {
      query: `#s=${packJsonForTest(race)}`,
      view: '2d',
    });
    const panel = page.getByRole('region', { name: 'Sweep' });
    await panel.getByRole('button', { name: 'LR sensitivity' }).click();
    // 1e-4 … 1 in 9 points: the grid lrs are the powers of ten and their half-decades.
    await retype(page, panel.getByRole('textbox', { name: 'lr points' }), '9');
    await panel.getByRole('button', { name: 'Compute' }).click();
    const tune = page.getByRole('button', { name: 'Tune fairly' });
    await expect.poll(() => tune.isEnabled(), { timeout: 20_000 }).toBe(true);

    // Both curves are drawn, each in its run's colour.
    for (const color of PALETTE.slice(0, 2))
      await expect.poll(() => pixelsOf(page, PLOT, color)).toBeGreaterThan(80);
    await screenshot(page, 'sweep-lr');

    // A click on SGD's point at lr 0.1 makes 0.1 its lr.
    expect(await lrOfRun(page, 0)).toBe(0.01);
    const p = await pointAt(page, 0.1, PALETTE[0]);
    expect(p.y).toBeGreaterThan(0);
    await page.mouse.click(p.x, p.y);
    await expect.poll(() => lrOfRun(page, 0)).toBeCloseTo(0.1, 12);

    // Export CSV: one row per cell, the plan's axes by name and the metric.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('sweep-lr.csv');
    const csv = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\n');
    expect(csv[0]).toBe('seed,run,lr,final_loss');
    expect(csv).toHaveLength(1 + 2 * 9);

    // Tune fairly: every run at the lr the plot marks as its best, and the legend says so.
    const best = await page.$eval(PLOT, (c) => (c as HTMLElement).dataset.best ?? '');
    const bestLr = new Map(
      best.split(' ').map((e) => e.split(':').map(Number) as [number, number]),
    );
    await tune.click();
    await expect
      .poll(() => page.getByLabel('Sensitivity legend').textContent())
      .toContain('tuned: best final loss at 100 steps');
    expect(await lrOfRun(page, 0)).toBeCloseTo(bestLr.get(0)!, 10);
    expect(await lrOfRun(page, 1)).toBeCloseTo(bestLr.get(1)!, 10);

    // Too big: a 256 × 256 map over 4 seeds. The schema's message shows, and the page keeps
    // its plot and keeps working.
    await panel.getByRole('button', { name: 'Hyperparameter map' }).click();
    const points = panel.getByRole('textbox', { name: / points$/ });
    await retype(page, points.nth(0), '256');
    await retype(page, points.nth(1), '256');
    await retype(page, panel.getByRole('textbox', { name: 'seeds' }), '4');
    await panel.getByRole('button', { name: 'Compute' }).click();
    await expect
      .poll(() => panel.getByRole('alert').textContent())
      .toMatch(/^sweep\.resolution: asks for 26,214,400 optimizer steps/);
    expect(await pixelsOf(page, PLOT, PALETTE[0])).toBeGreaterThan(80);
    await page.getByRole('button', { name: 'Play' }).click();
    await screenshot(page, 'sweep-too-big');
    expectNoErrors(errors);
    await page.close();
  });
});

describe('sweep maps in Chromium', () => {
  it('sweeps the network lab’s learning rates, tunes both runs fairly and keeps the sweep in the link', async () => {
    const { page, errors } = await openLab(browser, base());
    await page.getByRole('button', { name: 'Network', exact: true }).click();
    await page.locator('.generalisation').waitFor({ timeout: 60_000 });
    const panel = page.getByRole('region', { name: 'Sweep' });
    // A network's paths are projections onto its slice: no basin map or seed fan to offer.
    expect(await panel.getByRole('button', { name: 'Basins' }).count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Seed fan' }).count()).toBe(0);
    await panel.getByRole('button', { name: 'LR sensitivity' }).click();
    await retype(page, panel.getByRole('textbox', { name: 'lr points' }), '6');
    await panel.getByRole('button', { name: 'Compute' }).click();
    const tune = page.getByRole('button', { name: 'Tune fairly' });
    await expect.poll(() => tune.isEnabled(), { timeout: 60_000 }).toBe(true);
    for (const color of PALETTE.slice(0, 2))
      await expect.poll(() => pixelsOf(page, PLOT, color)).toBeGreaterThan(40);
    await screenshot(page, 'network-sweep-lr');

    // Tune fairly sets each run's lr to its best of the six, and the network trains again.
    const best = await page.$eval(PLOT, (c) => (c as HTMLElement).dataset.best ?? '');
    const bestLr = new Map(
      best.split(' ').map((e) => e.split(':').map(Number) as [number, number]),
    );
    expect(bestLr.size).toBe(2);
    const hash = () => page.evaluate(() => location.hash);
    const before = await hash();
    await tune.click();
    // The network trains again meanwhile, on a busy machine: a longer wait than a surface's.
    await expect
      .poll(() => page.getByLabel('Sensitivity legend').textContent(), { timeout: 15_000 })
      .toContain('tuned: best final loss at 200 steps');
    expect(await lrOfRun(page, 0)).toBeCloseTo(bestLr.get(0)!, 10);
    expect(await lrOfRun(page, 1)).toBeCloseTo(bestLr.get(1)!, 10);

    // The link carries the sweep: opened afresh, the network lab computes it again.
    await expect.poll(hash, { timeout: 10_000 }).not.toBe(before);
    const again = await openLab(browser, `${base()}/${await hash()}`);
    await again.page.locator('.generalisation').waitFor({ timeout: 60_000 });
    await expect
      .poll(() => again.page.getByRole('button', { name: 'Tune fairly' }).isEnabled(), {
        timeout: 60_000,
      })
      .toBe(true);
    expectNoErrors(errors);
    expectNoErrors(again.errors);
    await page.close();
    await again.page.close();
  });

  it('draws the Adam + L2 and AdamW maps side by side from one sweep over both runs', async () => {
    const { page, errors } = await openLab(browser, base(), {
      query: `#s=${packJsonForTest(race)}`,
      view: '2d',
    });
    await page.getByRole('button', { name: 'Lessons' }).click();
    await page.getByRole('button', { name: /the two lr × weight-decay maps side by side/ }).click();
    const maps = ['[data-testid="sweep-map-0"]', '[data-testid="sweep-map-1"]'];
    for (const map of maps) await page.waitForSelector(map, { timeout: 20_000 });
    await expect
      .poll(() => page.locator('.sweep-map .plot-caption').first().textContent(), {
        timeout: 30_000,
      })
      .not.toMatch(/so far/);
    for (const map of maps) await waitForInk(page, map, 0.5);
    // Side by side: the same row, AdamW's to the right of Adam + L2's.
    const [a, b] = await Promise.all(maps.map((m) => page.locator(m).boundingBox()));
    expect(Math.abs(a!.y - b!.y)).toBeLessThan(2);
    expect(b!.x).toBeGreaterThan(a!.x + a!.width - 2);
    const titles = await page.locator('.sweep-map .plot-title').allTextContents();
    expect(titles[0]).toMatch(/^run 1 \(Adam \+ L2/);
    expect(titles[1]).toMatch(/^run 2 \(AdamW/);
    await screenshot(page, 'sweep-maps-side-by-side');
    expectNoErrors(errors);
    await page.close();
  });

  it('opens the AdamW map lesson, reads a cell by hover, sets both parameters with a click, and draws basins on the map', async () => {
    const { page, errors } = await openLab(browser, base(), {
      query: `#s=${packJsonForTest(race)}`,
      view: '2d',
    });
    await page.getByRole('button', { name: 'Lessons' }).click();
    await page.getByRole('button', { name: /AdamW: the lr × weight-decay map tilts/ }).click();
    const map = '[data-testid="sweep-map-1"]';
    await page.waitForSelector(`${map}[data-x-log="true"]`, { timeout: 20_000 });
    // Computed: the caption no longer counts cells still to come.
    await expect
      .poll(() => page.locator('.sweep-map .plot-caption').textContent(), { timeout: 20_000 })
      .not.toMatch(/so far/);
    // Cells over most of the canvas: the map is drawn, not just its frame.
    await waitForInk(page, map, 0.5);
    const box = (await page.locator(map).boundingBox())!;
    const [left, right, top, bottom] = [44, 62, 8, 16];
    // The cell at the middle of the plot, hovered then clicked.
    const x = box.x + left + (box.width - left - right) / 2;
    const y = box.y + top + (box.height - top - bottom) / 2;
    await page.mouse.move(x, y);
    const tip = page.locator('.sweep-map .plot-tip');
    await expect
      .poll(() => tip.textContent())
      .toMatch(/^lr [\d.e-]+, weight_decay [\d.e-]+ → final loss /);
    const [, lr, wd] = /^lr ([\d.e-]+), weight_decay ([\d.e-]+)/.exec((await tip.textContent())!)!;
    await page.mouse.click(x, y);
    await legendRows(page).nth(1).locator('.run-name').click();
    const typed = (name: string) => page.getByRole('textbox', { name: `${name} (typed value)` });
    await expect
      .poll(async () => Number(await typed('learning rate').inputValue()))
      .toBeCloseTo(Number(lr), 2);
    await expect
      .poll(async () => Number(await typed('weight decay').inputValue()))
      .toBeCloseTo(Number(wd), 2);
    await screenshot(page, 'sweep-map-lesson');

    // Basins of run 1 over the map: the map's pixels change under the overlay; this surface
    // has no known minimum to name, so the legend says the colours are the metric's.
    const panel = page.getByRole('region', { name: 'Sweep' });
    await snapCanvas(page, MAP, 'before-basins');
    await panel.getByRole('button', { name: 'Basins' }).click();
    const points = panel.getByRole('textbox', { name: / points$/ });
    await retype(page, points.nth(0), '24');
    await retype(page, points.nth(1), '24');
    await panel.getByRole('button', { name: 'Compute' }).click();
    await waitForCanvasChange(page, MAP, 'before-basins', 0.2, 20_000);
    await expect
      .poll(() => panel.locator('.sweep-legend').textContent())
      .toMatch(/^This surface has no known minima to name\. Each start point coloured by/);
    await screenshot(page, 'sweep-basins');
    expectNoErrors(errors);
    await page.close();
  });
});
