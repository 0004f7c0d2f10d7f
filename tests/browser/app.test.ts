import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { canvasInkFraction, launch, openPage, screenshot } from './chromium.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the lab in Chromium', () => {
  it('loads with no console errors and draws a non-blank 3D canvas', async () => {
    const { page, errors } = await openPage(browser, inject('baseUrl'));
    await page.waitForSelector('[data-testid="scene3d"] canvas', { timeout: 30_000 });
    // Poll rather than wait a fixed time: a loaded machine can take seconds to draw.
    await expect
      .poll(() => canvasInkFraction(page, '[data-testid="scene3d"] canvas'), { timeout: 20_000 })
      .toBeGreaterThan(0.2);
    await screenshot(page, 'load-3d');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the 2D map without WebGL and still draws the runs', async () => {
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}?nowebgl`);
    await page.waitForSelector('[data-testid="contour-map"]');
    await expect.poll(() => page.getByText(/WebGL is not available/).count()).toBeGreaterThan(0);
    await expect
      .poll(() => canvasInkFraction(page, '[data-testid="contour-map"]'), { timeout: 20_000 })
      .toBeGreaterThan(0.5);
    await screenshot(page, 'no-webgl-2d');
    expect(errors).toEqual([]);
    await page.close();
  });
});
