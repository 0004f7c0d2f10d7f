import { expect } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { canvasInkFraction, openPage } from './chromium.ts';

/**
 * What the lab tests do over and over, as a person would: open the lab and wait until it has
 * drawn, read the step counter, seek with the scrubber, drag sliders, and compare canvas pixels
 * before and after an action. Every wait is on a condition, never a fixed sleep: SwiftShader
 * draws a big mesh at a few frames per second.
 */

export const SCENE = '[data-testid="scene3d"] canvas';
export const MAP = '[data-testid="contour-map"]';

/** Open the lab and wait until the 3D scene (or, with `view: '2d'`, the map) has drawn. */
export async function openLab(
  browser: Browser,
  baseUrl: string,
  opts: { query?: string; view?: '3d' | '2d'; viewport?: { width: number; height: number } } = {},
): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await openPage(browser, baseUrl + (opts.query ?? ''), opts.viewport);
  const sel = opts.view === '2d' ? MAP : SCENE;
  await page.waitForSelector(sel, { timeout: 30_000 });
  await waitForInk(page, sel, 0.2);
  return { page, errors };
}

/** Wait until a canvas has ink over at least `min` of its pixels (see canvasInkFraction). */
export async function waitForInk(page: Page, sel: string, min: number, timeout = 20_000) {
  const t0 = Date.now();
  let ink = 0;
  while (Date.now() - t0 < timeout) {
    ink = await canvasInkFraction(page, sel);
    if (ink >= min) return ink;
    await page.waitForTimeout(150);
  }
  throw new Error(`${sel}: ink ${ink.toFixed(3)} stayed below ${min} for ${timeout} ms`);
}

/** Resolve after `n` animation frames of the page (everything asked for has been drawn). */
export async function frames(page: Page, n = 2): Promise<void> {
  await page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        let left = count;
        const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    n,
  );
}

/**
 * Keep a copy of a canvas's pixels in the page under `key`, to compare with later. A WebGL
 * canvas can be copied because the scene keeps its drawing buffer (preserveDrawingBuffer).
 */
export async function snapCanvas(page: Page, sel: string, key: string): Promise<void> {
  await page.evaluate(
    ([s, k]) => {
      const c = document.querySelector(s) as HTMLCanvasElement;
      const off = document.createElement('canvas');
      off.width = c.width;
      off.height = c.height;
      const ctx = off.getContext('2d')!;
      ctx.drawImage(c, 0, 0);
      const w = window as unknown as { __snaps?: Record<string, ImageData> };
      (w.__snaps ??= {})[k] = ctx.getImageData(0, 0, off.width, off.height);
    },
    [sel, key] as const,
  );
}

/** Fraction of pixels that differ noticeably between a canvas now and its snapshot `key`. */
export async function canvasChange(page: Page, sel: string, key: string): Promise<number> {
  return page.evaluate(
    ([s, k]) => {
      const c = document.querySelector(s) as HTMLCanvasElement | null;
      const w = window as unknown as { __snaps?: Record<string, ImageData> };
      const before = w.__snaps?.[k];
      if (!c || !before) return -1;
      if (c.width !== before.width || c.height !== before.height) return 1;
      const off = document.createElement('canvas');
      off.width = c.width;
      off.height = c.height;
      const ctx = off.getContext('2d')!;
      ctx.drawImage(c, 0, 0);
      const a = before.data;
      const b = ctx.getImageData(0, 0, off.width, off.height).data;
      let changed = 0;
      for (let i = 0; i < a.length; i += 4) {
        const d =
          Math.abs(a[i] - b[i]) + Math.abs(a[i + 1] - b[i + 1]) + Math.abs(a[i + 2] - b[i + 2]);
        if (d > 24) changed++;
      }
      return changed / (a.length / 4);
    },
    [sel, key] as const,
  );
}

/** Wait until a canvas differs from its snapshot over at least `min` of its pixels. */
export async function waitForCanvasChange(
  page: Page,
  sel: string,
  key: string,
  min = 0.001,
  timeout = 15_000,
): Promise<number> {
  const t0 = Date.now();
  let change = 0;
  while (Date.now() - t0 < timeout) {
    change = await canvasChange(page, sel, key);
    if (change >= min) return change;
    await page.waitForTimeout(100);
  }
  throw new Error(`${sel}: changed ${change} of its pixels, expected at least ${min}`);
}

export const stepCounter = (page: Page) => page.getByTestId('step-counter');

/** The step the counter shows ("step 12 / 150" → 12). */
export async function shownStep(page: Page): Promise<number> {
  const text = (await stepCounter(page).textContent()) ?? '';
  const m = /step (\d+)/.exec(text);
  if (!m) throw new Error(`step counter reads "${text}"`);
  return Number(m[1]);
}

/** Wait until the step counter satisfies `pred`; returns the step it shows then. */
export async function waitForStep(
  page: Page,
  pred: (k: number) => boolean,
  timeout = 10_000,
): Promise<number> {
  const t0 = Date.now();
  let k = -1;
  while (Date.now() - t0 < timeout) {
    k = await shownStep(page);
    if (pred(k)) return k;
    await page.waitForTimeout(50);
  }
  throw new Error(`the step counter stayed at ${k}`);
}

/** Press the mouse on a range input's thumb and drag it by `dx` CSS pixels, in small moves. */
export async function dragSlider(page: Page, slider: Locator, dx: number): Promise<void> {
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  const frac = await slider.evaluate((el: HTMLInputElement) => {
    const min = Number(el.min || 0);
    const max = Number(el.max || 100);
    return (Number(el.value) - min) / (max - min);
  });
  // Chromium's thumb is about a box height wide; its centre travels over width − thumb.
  const thumb = Math.min(16, box.height);
  const x = box.x + thumb / 2 + frac * (box.width - thumb);
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y, { steps: 8 });
  await page.mouse.up();
}

/** Click a range input at a fraction of its track (the thumb jumps there), e.g. 1 = the end. */
export async function clickSliderAt(page: Page, slider: Locator, frac: number): Promise<void> {
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  const x = box.x + Math.max(1, Math.min(box.width - 1, frac * box.width));
  await page.mouse.click(x, box.y + box.height / 2);
}

/** Seek to the last step with a click on the end of the timeline's scrubber. */
export async function seekToEnd(page: Page): Promise<number> {
  const scrubber = page.getByRole('slider', { name: 'Step', exact: true });
  await clickSliderAt(page, scrubber, 1);
  const max = Number(await scrubber.getAttribute('max'));
  await waitForStep(page, (k) => k === max);
  return max;
}

/** Replace a text field's content by typing, as a person would (click, select all, type). */
export async function retype(page: Page, field: Locator, text: string): Promise<void> {
  await field.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/**
 * Time of a page round trip (ms): long if the main thread is stuck in a loop. The best of three,
 * so that a moment of load on a shared machine is not mistaken for a stuck page.
 */
export async function roundTripMs(page: Page): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await page.evaluate(() => 1 + 1);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** The legend entries (one per run). */
export const legendRows = (page: Page) =>
  page.getByRole('list', { name: 'Runs legend' }).getByRole('listitem');

/** The per-frame loss readout of run `i` in the legend. */
export const lossOf = (page: Page, i: number) => legendRows(page).nth(i).locator('.run-loss');

export function expectNoErrors(errors: string[]): void {
  expect(errors, errors.join('\n')).toEqual([]);
}

/** The start point's typed x or y (the curvature panel has x and y fields of its own). */
export const startField = (page: Page, axis: 'x' | 'y') =>
  page
    .getByRole('group', { name: /^Start point/ })
    .getByRole('textbox', { name: axis, exact: true });

/** Switch to the 2D map with its header button and wait for it to draw. */
export async function toMap(page: Page): Promise<void> {
  await page.getByRole('button', { name: '2D', exact: true }).click();
  await page.waitForSelector(MAP);
  await waitForInk(page, MAP, 0.3);
}

/** Close the lesson card over the view (a first visit opens one), if it is there. */
export async function hideLesson(page: Page): Promise<void> {
  const card = page.getByRole('complementary', { name: 'Lesson' });
  if ((await card.count()) === 0) return;
  await card.getByRole('button', { name: 'Hide' }).click();
  await card.waitFor({ state: 'detached' });
}

/** From now on, count the WebGL programs the page links (each is a shader compile). */
export async function countShaderLinks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __links: number };
    w.__links = 0;
    for (const C of [WebGLRenderingContext, WebGL2RenderingContext]) {
      const link = C.prototype.linkProgram;
      C.prototype.linkProgram = function (this: WebGLRenderingContext, p: WebGLProgram) {
        w.__links++;
        return link.call(this, p);
      };
    }
  });
}

export const shaderLinks = (page: Page) =>
  page.evaluate(() => (window as unknown as { __links: number }).__links);
