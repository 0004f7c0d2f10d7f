import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage } from './chromium.ts';
import {
  MAP,
  SCENE,
  expectNoErrors,
  frames,
  openLab,
  seekToEnd,
  toMap,
  waitForInk,
} from './helpers.ts';
import { NETWORK_PRESETS, PRESETS, PRESETS_BY_ID } from '../../src/scenario/presets/index.ts';

/**
 * Every lesson, opened from the gallery as a teacher would: its picture is drawn (3D, then the
 * 2D map) at the last step and kept in test-artifacts/lessons/<id>.png and <id>-2d.png for a
 * person to compare with the lesson's text; the gallery shows every title whole.
 */
const ARTIFACTS = 'test-artifacts/lessons';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

const gallery = (page: Page) => page.getByRole('dialog', { name: 'Lessons' });

async function openGallery(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await gallery(page).waitFor({ state: 'visible' });
}

describe('the lesson gallery', () => {
  it('shows every title whole, inside its card, with a drawn thumbnail', async () => {
    for (const width of [390, 1024, 1440]) {
      // A phone-width page may show the 3D view below the fold: wait for the header only.
      const { page, errors } = await openPage(browser, inject('baseUrl'), { width, height: 900 });
      await openGallery(page);
      const cards = gallery(page).locator('[data-lesson]');
      await expect.poll(() => cards.count()).toBe(PRESETS.length + NETWORK_PRESETS.length);
      // Every thumbnail gets painted (it is computed after the dialog opens).
      await expect
        .poll(
          () =>
            page.evaluate(() =>
              [...document.querySelectorAll<HTMLCanvasElement>('.lesson-thumb')].every((c) => {
                const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
                let painted = 0;
                for (let i = 3; i < d.length; i += 4) if (d[i] > 0) painted++;
                return painted === c.width * c.height;
              }),
            ),
          { timeout: 20_000 },
        )
        .toBe(true);
      const layout = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-lesson]')].map((card) => {
          const title = card.querySelector<HTMLElement>('.lesson-title')!;
          const c = card.getBoundingClientRect();
          const t = title.getBoundingClientRect();
          return {
            id: card.dataset.lesson,
            text: title.textContent,
            titleFits: title.scrollWidth <= title.clientWidth,
            cardFits: card.scrollWidth <= card.clientWidth,
            inside: t.left >= c.left && t.right <= c.right + 0.5 && t.bottom <= c.bottom + 0.5,
          };
        }),
      );
      for (const row of layout) {
        expect(row.text, row.id).toBe(PRESETS_BY_ID[row.id!].title);
        expect(row.titleFits, `${row.id} title at ${width} px`).toBe(true);
        expect(row.cardFits, `${row.id} card at ${width} px`).toBe(true);
        expect(row.inside, `${row.id} title inside its card at ${width} px`).toBe(true);
      }
      await page.screenshot({ path: `${ARTIFACTS}/gallery-${width}.png` });
      expectNoErrors(errors);
      await page.close();
    }
  });
});

describe('every lesson from the gallery', () => {
  for (const preset of PRESETS) {
    it(`${preset.id}: opens, draws in 3D and 2D at its last step, no page errors`, async () => {
      const { page, errors } = await openLab(browser, inject('baseUrl'), {
        viewport: { width: 1440, height: 900 },
      });
      await openGallery(page);
      await gallery(page).locator(`[data-lesson="${preset.id}"]`).click();
      await gallery(page).waitFor({ state: 'hidden' });
      await page.getByText(preset.title, { exact: true }).first().waitFor({ state: 'visible' });
      const steps = (preset.scenario as { steps: number }).steps;
      expect(await seekToEnd(page)).toBe(steps);

      await page.getByRole('button', { name: '3D', exact: true }).click();
      await page.waitForSelector(SCENE);
      await waitForInk(page, SCENE, 0.2);
      await frames(page, 4);
      await page.screenshot({ path: `${ARTIFACTS}/${preset.id}.png` });
      await toMap(page);
      await waitForInk(page, MAP, 0.3);
      await page.screenshot({ path: `${ARTIFACTS}/${preset.id}-2d.png` });
      expectNoErrors(errors);
      await page.close();
    });
  }
});
