import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, launch, openPage, screenshot } from './chromium.ts';
import { expectNoErrors, frames, hideLesson, legendRows, openLab, toMap } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const base = () => inject('baseUrl');

interface ExportedRun {
  label: string;
  optimizer: string;
  trajectory: [number, number][];
}

/** Export the trajectories as JSON through the Export menu, the way a user saves them. */
async function exportJson(page: Page): Promise<{ runs: ExportedRun[] }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('combobox', { name: 'Export' }).selectOption('json'),
  ]);
  return JSON.parse(await readFile((await file.path())!, 'utf8'));
}

async function addRun(page: Page, optimizer: string) {
  await page.getByRole('combobox', { name: 'Optimizer for the new run' }).selectOption(optimizer);
  await page.getByRole('button', { name: 'Add run' }).click();
}

describe('runs a newcomer adds', () => {
  it('a new Adam run moves a visible distance; one click sets torch’s default', async () => {
    const { page, errors } = await openLab(browser, base());
    await addRun(page, 'adam');
    await expect.poll(() => legendRows(page).count()).toBe(3);
    // The lr field says where its value comes from.
    const lrParam = page.locator('.run-card .param').filter({ hasText: 'learning rate' });
    await expect.poll(() => lrParam.getByText('suggested for this surface ✓').count()).toBe(1);
    const torchDefault = lrParam.getByRole('button', { name: /PyTorch's default 0\.001/ });
    expect(await torchDefault.count()).toBe(1);

    const { runs } = await exportJson(page);
    const adam = runs[2];
    expect(adam.optimizer).toBe('adam');
    const [x0, y0] = adam.trajectory[0];
    const [x1, y1] = adam.trajectory[adam.trajectory.length - 1];
    // The default ravine's view is 8 × 8 wide: a move of more than 5% of its diagonal is visible.
    const moved = Math.hypot(x1 - x0, y1 - y0);
    expect(moved).toBeGreaterThan(0.05 * Math.hypot(8, 8));
    await screenshot(page, 'runs-new-adam');

    // One click back to torch's 0.001: the field and the exported run carry it exactly.
    await torchDefault.click();
    const typed = page.getByRole('textbox', { name: 'learning rate (typed value)' });
    await expect.poll(() => typed.inputValue()).toBe('0.001');
    await expect.poll(() => lrParam.getByText('PyTorch default 0.001 ✓').count()).toBe(1);
    const after = (await exportJson(page)).runs[2];
    const [xe, ye] = after.trajectory[after.trajectory.length - 1];
    expect(Math.hypot(xe - x0, ye - y0)).toBeLessThan(moved / 4);
    expectNoErrors(errors);
    await page.close();
  });

  it('a one-cycle schedule greys the lr field and says what sets it', async () => {
    const { page, errors } = await openLab(browser, base());
    await legendRows(page).nth(0).locator('.run-name').click();
    await page
      .locator('.run-card')
      .getByRole('combobox', { name: 'Schedule' })
      .selectOption('OneCycleLR');
    const lrParam = page.locator('.run-card .param').filter({ hasText: 'learning rate' });
    await expect
      .poll(() => lrParam.getByText('set by the One-cycle schedule’s max_lr').count())
      .toBe(1);
    expect(
      await page.getByRole('textbox', { name: 'learning rate (typed value)' }).isDisabled(),
    ).toBe(true);
    expectNoErrors(errors);
    await page.close();
  });

  it('Reset to default can be undone, and what is shown survives a reload', async () => {
    const { page, errors } = await openLab(browser, base());
    await addRun(page, 'lion');
    await expect.poll(() => legendRows(page).count()).toBe(3);
    await page.getByRole('button', { name: 'Reset to default' }).click();
    await expect.poll(() => legendRows(page).count()).toBe(2);
    const notice = page.getByTestId('notice');
    await expect.poll(() => notice.textContent()).toContain('back to the default');
    await screenshot(page, 'runs-reset-notice');
    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => legendRows(page).count()).toBe(3);
    await expect
      .poll(() => legendRows(page).nth(2).locator('.run-name').textContent())
      .toMatch(/^Lion/);
    expect(await notice.count()).toBe(0);
    // Saved at once: a reload right away shows the restored scenario.
    await page.goto(base());
    await page.waitForSelector('[data-testid="scene3d"] canvas', { timeout: 30_000 });
    await expect.poll(() => legendRows(page).count()).toBe(3);
    expectNoErrors(errors);
    await page.close();
  });

  it('says at the box that 1/0 is not finite', async () => {
    const { page, errors } = await openLab(browser, base());
    await page.getByRole('radio', { name: /Custom expression/ }).check();
    const box = page.getByRole('textbox', { name: 'f(x, y) =' });
    await expect.poll(() => box.inputValue()).not.toBe('');
    await box.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1/0');
    const error = page.locator('.expression-error');
    await expect
      .poll(() => error.textContent())
      .toContain('f is ∞ everywhere in the view, so there is nothing to descend');
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    // An over-long paste is kept as pasted and refused with the reason.
    const long = `${'x + '.repeat(150)}y`;
    await box.fill(long);
    await expect.poll(() => box.inputValue()).toBe(long);
    await expect.poll(() => error.textContent()).toContain('the expression is too long (601');
    await screenshot(page, 'runs-expression-not-finite');
    expectNoErrors(errors);
    await page.close();
  });

  it('exports one PNG figure: view, legend and plots', async () => {
    const { page, errors } = await openLab(browser, base());
    await hideLesson(page);
    await toMap(page);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('combobox', { name: 'Export' }).selectOption('png'),
    ]);
    const png = await readFile((await file.path())!);
    // PNG header: width and height, big-endian, at bytes 16 and 20.
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBe(1600);
    const map = await page.locator('[data-testid="contour-map"]').evaluate((c) => {
      const el = c as HTMLCanvasElement;
      return el.height / el.width;
    });
    // Taller than the view alone (scaled to 1000 px wide): the plots are under it.
    expect(height).toBeGreaterThan(1000 * map + 200);
    expectNoErrors(errors);
    await page.close();
  });

  for (const width of [390, 1024, 1440]) {
    it(`the run panel at ${width} px`, async () => {
      // Not openLab: on a phone the view may be below the fold, and the panel is what is looked at.
      const { page, errors } = await openPage(browser, base(), { width, height: 900 });
      // Below 1,100 px the runs panel is a folded section: open it, as a user would.
      const folded = page.locator('button.collapsible-toggle[aria-expanded="false"]');
      for (const t of await folded.all()) if (await t.isVisible()) await t.click();
      await expect.poll(() => legendRows(page).count(), { timeout: 30_000 }).toBe(2);
      await addRun(page, 'sam');
      await frames(page, 3);
      const panel = page.getByRole('region', { name: /^Runs/ });
      await panel.scrollIntoViewIfNeeded();
      await panel.screenshot({ path: `${ARTIFACTS}/runs-panel-${width}.png` });
      expectNoErrors(errors);
      await page.close();
    });
  }
});
