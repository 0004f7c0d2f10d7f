import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { canvasInkFraction, launch, openPage, screenshot } from './chromium.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The drawn trail of run i as a signature of its head position (read through the page). */
async function stepCounter(page: Page): Promise<string> {
  return (await page.getByTestId('step-counter').textContent()) ?? '';
}

describe('the lab in Chromium', () => {
  it('loads with no console errors and draws a non-blank 3D canvas', async () => {
    const { page, errors } = await openPage(browser, inject('baseUrl'));
    await page.waitForSelector('[data-testid="scene3d"] canvas', { timeout: 30_000 });
    await page.waitForTimeout(1500);
    const ink = await canvasInkFraction(page, '[data-testid="scene3d"] canvas');
    await screenshot(page, 'load-3d');
    expect(ink).toBeGreaterThan(0.2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('plays, pauses and resets from the keyboard', async () => {
    const { page, errors } = await openPage(browser, inject('baseUrl'));
    await page.waitForSelector('[data-testid="scene3d"] canvas');
    await page.keyboard.press('r');
    await page.waitForTimeout(100);
    expect(await stepCounter(page)).toMatch(/^step 0\b/);
    await page.keyboard.press('Space');
    await page.waitForTimeout(800);
    await page.keyboard.press('Space');
    const paused = await stepCounter(page);
    const k = Number(/step (\d+)/.exec(paused)![1]);
    expect(k).toBeGreaterThan(0);
    await page.waitForTimeout(400);
    expect(await stepCounter(page)).toBe(paused);
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(100);
    expect(await stepCounter(page)).toMatch(new RegExp(`^step ${k + 1}\\b`));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the 2D map without WebGL and still draws the runs', async () => {
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}?nowebgl`);
    await page.waitForSelector('[data-testid="contour-map"]');
    await page.waitForTimeout(500);
    expect(await page.getByText(/WebGL is not available/).count()).toBeGreaterThan(0);
    const ink = await canvasInkFraction(page, '[data-testid="contour-map"]');
    await screenshot(page, 'no-webgl-2d');
    expect(ink).toBeGreaterThan(0.5);
    expect(errors).toEqual([]);
    await page.close();
  });
});
