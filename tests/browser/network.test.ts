import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, screenshot } from './chromium.ts';
import {
  MAP,
  expectNoErrors,
  hideLesson,
  legendRows,
  openLab,
  retype,
  roundTripMs,
  toMap,
  waitForInk,
} from './helpers.ts';

/**
 * The network lab: a real MLP trained in a Web Worker, its loss drawn on a plane through weight
 * space by the surfaces' own map, with generalisation figures and decision regions.
 */
let browser: Browser;
const base = () => inject('baseUrl');

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const table = (page: Page) => page.getByRole('table', { name: 'Generalisation at the last step' });

async function trained(page: Page): Promise<void> {
  await table(page).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('.training-progress'), null, {
    timeout: 60_000,
  });
}

describe('the network lab', () => {
  it('trains two runs off the main thread and shows how well each generalises', async () => {
    const { page, errors } = await openLab(browser, base());
    await hideLesson(page);
    await page.getByRole('button', { name: 'Network', exact: true }).click();
    // The page answers while the worker trains.
    expect(await roundTripMs(page)).toBeLessThan(500);
    await trained(page);
    await toMap(page);
    await waitForInk(page, MAP, 0.3);
    const rows = table(page).getByRole('row');
    expect(await rows.count()).toBe(3);
    for (const i of [1, 2]) {
      const cells = await rows.nth(i).getByRole('cell').allTextContents();
      const trainAcc = parseFloat(cells[2]);
      // Two moons are separable: both torch-default-ish runs learn them.
      expect(trainAcc).toBeGreaterThan(90);
      expect(parseFloat(cells[0])).toBeLessThan(0.2);
    }
    await expect
      .poll(() => page.getByRole('img', { name: /^Decision regions of SGD/ }).count())
      .toBe(1);
    // A network's run has no surface minimum to be "in".
    expect(await legendRows(page).first().textContent()).not.toMatch(/minimum/);
    await screenshot(page, 'network-lab-2d');
    // Copy as PyTorch writes the network, its data and each run's loop.
    await page.getByRole('button', { name: 'Copy as PyTorch' }).click();
    const code = await page.getByRole('dialog').locator('textarea').inputValue();
    expect(code).toMatch(/nn\.Linear\(2, 16/);
    expect(code).toMatch(/torch\.optim\.Adam\(/);
    expectNoErrors(errors);
    await page.close();
  });

  it('says why a network too big to train is refused, and keeps the last picture', async () => {
    const { page, errors } = await openLab(browser, base());
    await hideLesson(page);
    await page.getByRole('button', { name: 'Network', exact: true }).click();
    await trained(page);
    await retype(page, page.getByRole('textbox', { name: 'hidden widths' }), '1000, 1000');
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toMatch(/^model: the network has 1,006,002 weights; the lab trains up to 10,000/);
    expect(await table(page).count()).toBe(1);
    expectNoErrors(errors);
    await page.close();
  });

  it('draws the loss along a line between two runs, and measures the sharpness on request', async () => {
    const { page, errors } = await openLab(browser, base());
    await hideLesson(page);
    await page.getByRole('button', { name: 'Network', exact: true }).click();
    await trained(page);
    const line = page.getByTestId('plot-line');
    await waitForInk(page, '[data-testid="plot-line"]', 0.01);
    expect(await line.getAttribute('aria-label')).toMatch(/^loss along a line versus t/);
    // From the initial weights to Adam's end: the caption names both ends.
    await page.getByRole('combobox', { name: 'The line’s end (t = 1)' }).selectOption('1');
    await expect
      .poll(() => line.getAttribute('aria-label'), { timeout: 30_000 })
      .toMatch(/t = 0: initial weights, t = 1: Adam.* end/);
    const sharp = page.getByTestId('plot-sharpness');
    expect(await sharp.getAttribute('aria-label')).toMatch(/press measure/);
    await page.getByRole('button', { name: 'measure' }).click();
    await expect
      .poll(() => sharp.getAttribute('aria-label'), { timeout: 60_000 })
      .toMatch(/2\/lr, SGD/);
    await trained(page);
    await waitForInk(page, '[data-testid="plot-sharpness"]', 0.01);
    await screenshot(page, 'network-line-sharpness');
    // The plane through the initial weights and both runs' ends, drawn like any other.
    await page.getByRole('combobox', { name: 'plane', exact: true }).selectOption('points');
    await expect
      .poll(() =>
        page.getByRole('combobox', { name: 'The plane’s point c (off the axis)' }).inputValue(),
      )
      .toBe('1');
    await trained(page);
    await toMap(page);
    await waitForInk(page, MAP, 0.3);
    expectNoErrors(errors);
    await page.close();
  });

  it('gives the surface lab back as it was', async () => {
    const { page, errors } = await openLab(browser, base());
    await hideLesson(page);
    const before = await legendRows(page).allTextContents();
    await page.getByRole('button', { name: 'Network', exact: true }).click();
    await trained(page);
    await page.getByRole('button', { name: 'Surfaces', exact: true }).click();
    await toMap(page);
    expect(await legendRows(page).allTextContents()).toEqual(before);
    expect(await table(page).count()).toBe(0);
    expectNoErrors(errors);
    await page.close();
  });
});
