import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, screenshot } from './chromium.ts';
import {
  MAP,
  SCENE,
  dragSlider,
  expectNoErrors,
  frames,
  openLab,
  snapCanvas,
  waitForCanvasChange,
} from './helpers.ts';
import { encodeScenario } from '../../src/scenario/shareLink.ts';
import { parseScenario } from '../../src/scenario/parseScenario.ts';

/**
 * The data surface (logistic regression) is sampled in the grid worker: the page must still
 * draw it in both views, redraw it when its dataset changes, and never fail to load the worker.
 */
let browser: Browser;
const base = () => inject('baseUrl');

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const link = (mode: '3d' | '2d') =>
  `#s=${encodeScenario(
    parseScenario({
      surface: { id: 'logistic', params: { n_points: 512 } },
      steps: 60,
      runs: [{ optimizer: 'sgd', params: { lr: 0.5 } }],
      view: { mode },
    }),
  )}`;

/** Which grids the page fetched a worker script for (the built worker's file name). */
const workerScripts = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => /gridWorker/.test(n)),
  );

describe('the data surface, sampled in a worker', () => {
  it('draws the logistic landscape in 3D and redraws it when the classes move apart', async () => {
    const { page, errors } = await openLab(browser, base(), { query: link('3d') });
    expect(await workerScripts(page)).toHaveLength(1);
    await frames(page);
    await snapCanvas(page, SCENE, 'before');
    await screenshot(page, 'logistic-3d');

    const separation = page.getByRole('slider', { name: 'class separation', exact: true });
    await dragSlider(page, separation, 40);
    await waitForCanvasChange(page, SCENE, 'before', 0.01);
    await screenshot(page, 'logistic-3d-separated');
    expectNoErrors(errors);
    await page.close();
  });

  it('draws it on the 2D map', async () => {
    const { page, errors } = await openLab(browser, base(), { query: link('2d'), view: '2d' });
    await frames(page);
    await snapCanvas(page, MAP, 'before');
    const separation = page.getByRole('slider', { name: 'class separation', exact: true });
    await dragSlider(page, separation, -40);
    await waitForCanvasChange(page, MAP, 'before', 0.01);
    await screenshot(page, 'logistic-map');
    expectNoErrors(errors);
    await page.close();
  });
});
