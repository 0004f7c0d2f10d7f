import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, screenshot } from './chromium.ts';
import {
  MAP,
  SCENE,
  canvasChange,
  dragSlider,
  expectNoErrors,
  frames,
  hideLesson,
  legendRows,
  openLab,
  shownStep,
  snapCanvas,
  startField,
  stepCounter,
  toMap,
  waitForStep,
} from './helpers.ts';
import { encodeScenario } from '../../src/scenario/shareLink.ts';
import { parseScenario } from '../../src/scenario/parseScenario.ts';

/**
 * What the picture shows (issue 10): every run's whole path on arrival and after an edit,
 * without pressing Play, in 3D and on the map; and a diverging run never drawn across the
 * scene. The 3D trails are read back from what the scene wrote into its trail buffers (the
 * canvas's data-trails / data-trail-extent, see Runs3D.tsx); the map is checked by its pixels.
 */

let browser: Browser;
const base = () => inject('baseUrl');

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Per run: [drawn segments, segments in the buffer], from the 3D canvas. */
async function trails(page: Page): Promise<[number, number][]> {
  const text = (await page.locator(SCENE).getAttribute('data-trails')) ?? '';
  return text
    .split(' ')
    .filter(Boolean)
    .map((t) => t.split('/').map(Number) as [number, number]);
}

const stepMax = async (page: Page) =>
  Number(await page.getByRole('slider', { name: 'Step', exact: true }).getAttribute('max'));

describe('what the picture shows', () => {
  it('draws every whole path in 3D on a first visit, before Play', async () => {
    const { page, errors } = await openLab(browser, base());
    const max = await stepMax(page);
    expect(max).toBeGreaterThan(0);
    await expect.poll(() => shownStep(page)).toBe(max);
    await expect.poll(async () => (await trails(page)).length).toBeGreaterThan(1);
    for (const [shown, total] of await trails(page)) {
      expect(total).toBeGreaterThan(10);
      expect(shown).toBe(total);
    }
    // Play from the end starts again from step 0.
    await page.getByRole('heading', { name: 'Loss Landscape Lab' }).click();
    await page.keyboard.press('Space');
    await waitForStep(page, (k) => k < max);
    await page.keyboard.press('Space');
    await screenshot(page, 'picture-first-visit-3d');
    expectNoErrors(errors);
    await page.close();
  });

  it('draws whole paths again after an lr edit, in 3D, with the playhead at the end', async () => {
    const { page, errors } = await openLab(browser, base());
    await hideLesson(page);
    const max = await stepMax(page);
    // Go back to step 0: only the starts are drawn.
    await page.getByRole('heading', { name: 'Loss Landscape Lab' }).click();
    await page.keyboard.press('Home');
    await waitForStep(page, (k) => k === 0);
    await expect.poll(async () => (await trails(page)).every(([s]) => s === 0)).toBe(true);
    await legendRows(page).nth(0).locator('.run-name').click();
    const lr = page.getByRole('slider', { name: 'learning rate', exact: true });
    await dragSlider(page, lr, -20);
    await waitForStep(page, (k) => k === max);
    await expect
      .poll(async () => (await trails(page)).every(([s, t]) => s === t && t > 0))
      .toBe(true);
    expectNoErrors(errors);
    await page.close();
  });

  it('gives a run edited while hidden its new path when it is shown again', async () => {
    const s = parseScenario({
      surface: { id: 'ravine' },
      steps: 100,
      runs: [
        { optimizer: 'sgd', params: { lr: 0.9 }, label: 'A' },
        { optimizer: 'sgd', params: { lr: 0.1, momentum: 0.9 }, label: 'B' },
      ],
      view: { mode: '3d' },
    });
    const { page, errors } = await openLab(browser, base(), { query: `#s=${encodeScenario(s)}` });
    await expect.poll(async () => (await trails(page)).length).toBe(2);
    await snapCanvas(page, SCENE, 'before');
    const extent = () => page.locator(SCENE).getAttribute('data-trail-extent');
    const zigzag = await extent();
    const show = page.getByRole('button', { name: 'Show A' });
    await show.click();
    await expect.poll(async () => (await trails(page)).length).toBe(1);
    // While A is hidden, its lr goes from 0.9 (a zigzag) to 0.2 (no zigzag).
    const lrTyped = page.getByRole('textbox', { name: 'learning rate (typed value)' });
    await lrTyped.fill('0.2');
    await lrTyped.press('Enter');
    await show.click();
    await expect.poll(async () => (await trails(page)).length).toBe(2);
    await frames(page, 3);
    const [a] = await trails(page);
    expect(a[0]).toBe(a[1]);
    // The buffers hold the new path (the zigzag's extent is gone), and the picture changed.
    expect(await extent()).not.toBe(zigzag);
    expect(await canvasChange(page, SCENE, 'before')).toBeGreaterThan(0.0005);
    expectNoErrors(errors);
    await page.close();
  });

  it('names the side paths the map draws in its legend: SWA’s average while a run averages', async () => {
    const s = parseScenario({
      surface: { id: 'ravine' },
      steps: 120,
      noise: { sigma: 0.5, seed: 1 },
      runs: [{ optimizer: 'sgd', params: { lr: 0.05 }, swa: { start: 40 } }],
    });
    const { page, errors } = await openLab(browser, base(), { query: `#s=${encodeScenario(s)}` });
    await hideLesson(page);
    await toMap(page);
    const legend = page.locator('.contour-map-legend');
    await expect.poll(() => legend.textContent()).toContain('◇ SWA average');
    await screenshot(page, 'map-swa-side-path');
    await page.getByRole('checkbox', { name: /^SWA/ }).uncheck();
    await expect.poll(() => legend.textContent()).not.toContain('◇');
    expectNoErrors(errors);
    await page.close();
  });

  it('draws whole paths on the map when a share link opens, before Play', async () => {
    const s = parseScenario({
      surface: { id: 'himmelblau' },
      start: [0.5, -3.5],
      steps: 80,
      runs: [
        { optimizer: 'adam', params: { lr: 0.05 } },
        { optimizer: 'sgd', params: { lr: 0.01, momentum: 0.9 } },
      ],
      view: { mode: '2d' },
    });
    const { page, errors } = await openLab(browser, base(), {
      query: `#s=${encodeScenario(s)}`,
      view: '2d',
    });
    await toMap(page);
    expect(await stepCounter(page).textContent()).toMatch(/^step 80 \/ 80/);
    await frames(page, 3);
    await snapCanvas(page, MAP, 'whole');
    // Back to step 0: what disappears is the trails drawn on arrival.
    await page.getByRole('heading', { name: 'Loss Landscape Lab' }).click();
    await page.keyboard.press('Home');
    await waitForStep(page, (k) => k === 0);
    await frames(page, 3);
    // Two trails across a few hundred pixels: well over 0.2% of the map's pixels.
    expect(await canvasChange(page, MAP, 'whole')).toBeGreaterThan(0.002);
    expectNoErrors(errors);
    await page.close();
  });

  it('rounds a start picked on the 3D mesh like one picked on the map', async () => {
    const { page, errors } = await openLab(browser, base());
    await hideLesson(page);
    await page.getByRole('radio', { name: /^Ravine/ }).check();
    const box = (await page.locator(SCENE).boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.45, box.y + box.height * 0.55);
    await expect.poll(() => startField(page, 'x').inputValue()).not.toMatch(/^-?3\.5$/);
    // A pixel on a ravine 8 units wide seen in a canvas a few hundred pixels across is about
    // 0.01–0.05 units: two or three decimals say everything it resolves (pickedPoint.ts).
    for (const axis of ['x', 'y'] as const) {
      const text = await startField(page, axis).inputValue();
      expect(text).toMatch(/^-?\d+(\.\d{1,3})?$/);
    }
    expectNoErrors(errors);
    await page.close();
  });

  it("keeps a diverging run's 3D trail inside the domain box, marked where it left", async () => {
    const s = parseScenario({
      surface: { id: 'ravine' },
      steps: 200,
      runs: [
        { optimizer: 'sgd', params: { lr: 1.5 } },
        { optimizer: 'sgd', params: { lr: 0.1, momentum: 0.9 } },
      ],
      view: { mode: '3d' },
    });
    const { page, errors } = await openLab(browser, base(), {
      query: `#s=${encodeScenario(s)}`,
    });
    await expect.poll(async () => (await trails(page)).length).toBe(2);
    const [diverging] = await trails(page);
    // SGD at lr 1.5 doubles its distance across the ravine each step (y ← y − 1.5·2y): a few
    // steps stay inside before it leaves for good; none of the ~190 after that is drawn.
    expect(diverging[1]).toBeGreaterThan(0);
    expect(diverging[1]).toBeLessThan(20);
    const extent = (await page.locator(SCENE).getAttribute('data-trail-extent'))!
      .split(',')
      .map(Number);
    const [hx, hy] = (await page.locator(SCENE).getAttribute('data-box'))!.split(',').map(Number);
    const eps = 1e-3;
    expect(extent[0]).toBeGreaterThanOrEqual(-hx - eps);
    expect(extent[1]).toBeLessThanOrEqual(hx + eps);
    expect(extent[2]).toBeGreaterThanOrEqual(-hy - eps);
    expect(extent[3]).toBeLessThanOrEqual(hy + eps);
    // It does reach the edge it left through.
    expect(Math.max(-extent[2], extent[3])).toBeGreaterThan(hy - eps);
    await screenshot(page, 'picture-diverging-ravine-3d');
    expectNoErrors(errors);
    await page.close();
  });
});
