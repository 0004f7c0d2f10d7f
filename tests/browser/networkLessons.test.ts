import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { deflateSync, strToU8 } from 'fflate';
import { mkdirSync } from 'node:fs';
import { launch, screenshot } from './chromium.ts';
import {
  MAP,
  expectNoErrors,
  hideLesson,
  legendRows,
  openLab,
  toMap,
  waitForInk,
} from './helpers.ts';
import { parseModelScenario } from '../../src/scenario/modelScenario.ts';
import { NETWORK_PRESETS, PRESETS_BY_ID } from '../../src/scenario/presets/index.ts';
import { decodeLink } from '../../src/scenario/shareLink.ts';

/**
 * The network lessons and network share links, as a person uses them: a lesson opened from the
 * gallery trains in the network lab; Copy link there gives a link that opens the same scenario
 * in a fresh page; a reload keeps the lab; a broken network link gets a message, not a crash.
 */
let browser: Browser;
const base = () => inject('baseUrl');
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const LESSON = 'sam-network';
const table = (page: Page) => page.getByRole('table', { name: 'Generalisation at the last step' });
const networkButton = (page: Page) => page.getByRole('button', { name: 'Network', exact: true });

/** Wait until the network lab has trained and shows its generalisation table. */
async function trained(page: Page): Promise<void> {
  await table(page).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('.training-progress'), null, {
    timeout: 60_000,
  });
}

/** The table's rows as text: run label, train/test loss and accuracy. */
const tableText = (page: Page) => table(page).getByRole('row').allTextContents();

async function openLesson(page: Page, id: string): Promise<void> {
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  const gallery = page.getByRole('dialog', { name: 'Lessons' });
  await gallery.waitFor({ state: 'visible' });
  await gallery.locator(`[data-lesson="${id}"]`).click();
  await gallery.waitFor({ state: 'hidden' });
}

/** Click Copy link and return what it copied (the page's clipboard is stubbed to record it). */
async function copyLink(page: Page): Promise<string> {
  await page.evaluate(() => {
    const w = window as unknown as { __copied?: string };
    navigator.clipboard.writeText = async (t: string) => {
      w.__copied = t;
    };
  });
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect.poll(() => page.getByTestId('share-status').textContent()).toBe('Link copied');
  return page.evaluate(() => (window as unknown as { __copied: string }).__copied);
}

describe('network lessons and links', () => {
  it('a network lesson from the gallery trains in the network lab; its link reopens it', async () => {
    const { page, errors } = await openLab(browser, base());
    await hideLesson(page);
    const surfaceLegend = await legendRows(page).allTextContents();
    await openLesson(page, LESSON);
    await trained(page);
    const preset = PRESETS_BY_ID[LESSON];
    expect(await networkButton(page).getAttribute('aria-pressed')).toBe('true');
    await page.getByText(preset.title, { exact: true }).first().waitFor({ state: 'visible' });
    // One row per run of the lesson, labelled as the lesson labels them.
    const rows = await tableText(page);
    expect(rows.length).toBe(3);
    expect(rows[1]).toMatch(/^Gradient descent/);
    expect(rows[2]).toMatch(/^SAM, ρ 0\.1/);
    await toMap(page);
    await waitForInk(page, MAP, 0.3);
    await screenshot(page, 'network-lesson');

    // Copy link is on in the network lab, and carries the lesson's network scenario.
    const link = await copyLink(page);
    const decoded = decodeLink(link);
    expect(decoded.kind).toBe('model');
    const lesson = parseModelScenario(preset.scenario);
    expect({ ...decoded.scenario, view: null }).toEqual({ ...lesson, view: null });
    expect(decoded.scenario.view.mode).toBe('2d');

    // A fresh page (its own storage) opens the same network scenario from the link.
    const { page: other, errors: otherErrors } = await openLab(browser, link, { view: '2d' });
    await trained(other);
    expect(await networkButton(other).getAttribute('aria-pressed')).toBe('true');
    expect(await tableText(other)).toEqual(rows);
    expectNoErrors(otherErrors);
    await other.close();

    // A reload keeps the network lab, and leaving it still gives the surfaces back.
    await page.reload();
    await trained(page);
    expect(await networkButton(page).getAttribute('aria-pressed')).toBe('true');
    expect(await tableText(page)).toEqual(rows);
    await page.getByRole('button', { name: 'Surfaces', exact: true }).click();
    await expect.poll(() => legendRows(page).allTextContents()).toEqual(surfaceLegend);
    expect(await table(page).count()).toBe(0);
    expectNoErrors(errors);
    await page.close();
  });

  it('a corrupted network link says which field is wrong and the page keeps working', async () => {
    const json = { model: { data: { name: 'moonz' } }, runs: [{ optimizer: 'sgd' }] };
    const hash = `#s=${Buffer.from(deflateSync(strToU8(JSON.stringify(json)))).toString('base64url')}`;
    const { page, errors } = await openLab(browser, base(), { query: hash });
    await expect
      .poll(() => page.getByTestId('notice').textContent())
      .toMatch(/network scenario cannot be trained: model\.data\.name/);
    // The default surface scenario is shown, and the network lab still opens.
    await expect.poll(() => legendRows(page).count()).toBeGreaterThan(0);
    await networkButton(page).click();
    await trained(page);
    expectNoErrors(errors);
    await page.close();
  });

  // Every network lesson trains in the page; its picture is kept beside the surface lessons'
  // (test-artifacts/lessons/<id>.png) for a person to compare with the lesson's text.
  for (const preset of NETWORK_PRESETS) {
    it(`${preset.id}: opens from the gallery and trains every run`, async () => {
      const { page, errors } = await openLab(browser, base(), {
        viewport: { width: 1440, height: 900 },
      });
      await openLesson(page, preset.id);
      await trained(page);
      await page.getByText(preset.title, { exact: true }).first().waitFor({ state: 'visible' });
      const runs = parseModelScenario(preset.scenario).runs;
      const rows = await tableText(page);
      expect(rows.length).toBe(runs.length + 1);
      // Every run trained: a finite training loss in its row.
      for (const row of rows.slice(1)) expect(row).toMatch(/\d\.\d+/);
      expect(await page.getByRole('alert').count()).toBe(0);
      mkdirSync('test-artifacts/lessons', { recursive: true });
      await page.screenshot({ path: `test-artifacts/lessons/${preset.id}.png` });
      expectNoErrors(errors);
      await page.close();
    });
  }
});
