import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { deflateSync, strToU8 } from 'fflate';
import { launch, screenshot } from './chromium.ts';
import { expectNoErrors, legendRows, openLab, roundTripMs, waitForInk } from './helpers.ts';
import { encodeScenario } from '../../src/scenario/shareLink.ts';
import { parseScenario } from '../../src/scenario/parseScenario.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const base = () => inject('baseUrl');

/** A link carrying raw JSON (not produced by our encoder): what a hostile author can make. */
function rawLink(json: unknown): string {
  const bytes = deflateSync(strToU8(JSON.stringify(json)));
  return `#s=${Buffer.from(bytes).toString('base64url')}`;
}

const scenario = parseScenario({
  surface: { id: 'himmelblau' },
  start: [0.5, -3.5],
  steps: 80,
  noise: { sigma: 0.5, seed: 7 },
  runs: [
    { optimizer: 'adam', params: { lr: 0.05, betas: [0.8, 0.99] }, label: 'Adam β1 0.8' },
    {
      optimizer: 'sgd',
      params: { lr: 0.01, momentum: 0.9 },
      schedule: { name: 'CosineAnnealingLR', params: { T_max: 80 } },
      label: 'SGD cosine',
      color: '#ff00ff',
    },
  ],
  view: { mode: '2d', playhead: 40 },
});

describe('share links in Chromium', () => {
  it('opens a link exactly: surface, runs, labels, noise, playhead and view', async () => {
    const { page, errors } = await openLab(browser, base(), {
      query: `#s=${encodeScenario(scenario)}`,
      view: '2d',
    });
    await expect.poll(() => legendRows(page).count()).toBe(2);
    await expect.poll(() => legendRows(page).nth(0).textContent()).toContain('Adam β1 0.8');
    await expect.poll(() => legendRows(page).nth(1).textContent()).toContain('SGD cosine');
    expect(await page.getByTestId('step-counter').textContent()).toMatch(/^step 40 \/ 80/);
    expect(await page.getByRole('radio', { name: /Himmelblau/ }).isChecked()).toBe(true);
    await screenshot(page, 'link-opened');
    expectNoErrors(errors);
    await page.close();
  });

  it('keeps the address in step with the scenario, and that address reproduces it', async () => {
    const { page, errors } = await openLab(browser, base(), {
      query: `#s=${encodeScenario(scenario)}`,
      view: '2d',
    });
    // An edit: remove the second run. The URL follows (debounced replaceState).
    await page.getByRole('button', { name: 'Remove SGD cosine' }).click();
    await expect.poll(() => legendRows(page).count()).toBe(1);
    await expect
      .poll(() => page.evaluate(() => location.hash), { timeout: 5000 })
      .not.toBe(`#s=${encodeScenario(scenario)}`);
    const url = await page.evaluate(() => location.href);
    const { page: other, errors: otherErrors } = await openLab(browser, url, { view: '2d' });
    await expect.poll(() => legendRows(other).count()).toBe(1);
    expect(await legendRows(other).nth(0).textContent()).toContain('Adam β1 0.8');
    expectNoErrors(errors);
    expectNoErrors(otherErrors);
    await page.close();
    await other.close();
  });

  const hostile: [string, string, RegExp][] = [
    ['random bytes', '#s=' + Buffer.from('not a scenario at all').toString('base64url'), /damaged/],
    ['cut short', `#s=${encodeScenario(scenario).slice(0, 40)}`, /damaged|cut short/],
    ['200 KB fragment', `#s=${'A'.repeat(200_000)}`, /too long/],
    [
      'a bad lr in run 2',
      rawLink({
        surface: { id: 'ravine' },
        runs: [{ optimizer: 'sgd' }, { optimizer: 'adam', params: { lr: -1 } }],
      }),
      /run 2 was dropped: lr must be/,
    ],
    [
      'an expression that tries import',
      rawLink({ surface: { expression: 'import("fs")' }, runs: [{ optimizer: 'sgd' }] }),
      /surface/,
    ],
    [
      'prototype pollution',
      rawLink({
        surface: { id: 'ravine' },
        runs: [{ optimizer: 'sgd', __proto__: { polluted: true } }],
        __proto__: { polluted: true },
        constructor: { prototype: { polluted: true } },
      }),
      /ignored|unknown/i,
    ],
    [
      '10,000 runs',
      rawLink({ surface: { id: 'ravine' }, runs: Array(10_000).fill({ optimizer: 'sgd' }) }),
      /too large|at most 8 runs/,
    ],
  ];

  for (const [name, hash, message] of hostile) {
    it(`a hostile link (${name}) opens a working page with a message and runs nothing`, async () => {
      const { page, errors } = await openLab(browser, base(), { query: hash });
      let dialogs = 0;
      page.on('dialog', (d) => {
        dialogs++;
        void d.dismiss();
      });
      const notice = page.getByTestId('notice');
      await expect.poll(() => notice.textContent()).toMatch(message);
      expect(await roundTripMs(page)).toBeLessThan(2000);
      await waitForInk(page, '[data-testid="scene3d"] canvas', 0.2);
      expect(await page.evaluate(() => ({}) as Record<string, unknown>)).toEqual({});
      expect(
        await page.evaluate(() => (Object.prototype as Record<string, unknown>).polluted),
      ).toBeUndefined();
      expect(dialogs).toBe(0);
      expectNoErrors(errors);
      await page.close();
    });
  }

  it('markup in a label is shown as text, never run', async () => {
    const evil = parseScenario({
      surface: { id: 'ravine' },
      runs: [{ optimizer: 'sgd', label: '<img src=x onerror=alert(1)>' }],
    });
    const { page, errors } = await openLab(browser, base(), {
      query: `#s=${encodeScenario(evil)}`,
    });
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await expect.poll(() => legendRows(page).nth(0).textContent()).toContain('<img src=x');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toBe(0);
    expectNoErrors(errors);
    await page.close();
  });
});

/** How many runs the autosaved scenario holds (0 when nothing is saved yet). */
const savedRuns = (page: Page) =>
  page.evaluate(() => {
    const raw = localStorage.getItem('loss-landscape-lab:scenario');
    return raw ? (JSON.parse(raw) as { runs: unknown[] }).runs.length : 0;
  });

describe('nothing the user had is lost', () => {
  it('autosaves, restores without a link, and offers to return after opening one', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base());
    await page.waitForSelector('[data-testid="scene3d"] canvas');
    // The user's own work: a third run.
    await page.getByRole('button', { name: 'Add run' }).click();
    await expect.poll(() => legendRows(page).count()).toBe(3);
    await expect.poll(() => savedRuns(page)).toBe(3); // the autosave is debounced
    // Reopen with no link: restored.
    await page.goto(base().replace(/#.*$/, ''));
    await page.evaluate(() => history.replaceState(null, '', location.pathname));
    await page.reload();
    await expect.poll(() => legendRows(page).count()).toBe(3);
    // Open a shared link: the notice offers the way back, and it works.
    await page.goto(`${base()}#s=${encodeScenario(scenario)}`);
    await page.reload();
    await expect.poll(() => legendRows(page).count()).toBe(2);
    // A second link on top of the first: the way back still leads to the user's own work.
    const other = parseScenario({ surface: { id: 'booth' }, runs: [{ optimizer: 'adam' }] });
    await page.goto(`${base()}#s=${encodeScenario(other)}`);
    await page.reload();
    await expect.poll(() => legendRows(page).count()).toBe(1);
    await page.getByRole('button', { name: 'Return to my scenario' }).click();
    await expect.poll(() => legendRows(page).count()).toBe(3);
    // A plain reload of one's own scenario (its address carries it) says nothing. The address
    // follows the scenario after a debounce: wait for it, not for a fixed time (a loaded
    // machine can hold a 300 ms timer back for seconds).
    const otherHash = `#s=${encodeScenario(other)}`;
    await expect.poll(() => page.evaluate(() => location.hash)).not.toBe(otherHash);
    await page.reload();
    await page.waitForSelector('[data-testid="scene3d"] canvas');
    await expect.poll(() => legendRows(page).count()).toBe(3);
    expect(await page.getByTestId('notice').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
