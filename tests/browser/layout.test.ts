import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { canvasInkFraction, launch, screenshot } from './chromium.ts';
import { PALETTE } from '../../src/view/palette.ts';
import {
  MAP,
  SCENE,
  expectNoErrors,
  legendRows,
  seekToEnd,
  shownStep,
  snapCanvas,
  startField,
  waitForCanvasChange,
  waitForInk,
  waitForStep,
} from './helpers.ts';

/**
 * The page on every screen: no sideways scroll from a 360 px phone to a 1440 px desktop, nothing
 * cut off, the view first and big on a phone, tap targets a finger can hit, and the 3D view and
 * the 2D map driven with fingers (touch events through the DevTools protocol, as a phone sends).
 */

let browser: Browser;
const base = () => inject('baseUrl');

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const SCREENS = [
  { width: 360, height: 740 },
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1024, height: 700 },
  { width: 1100, height: 700 },
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
];
/** Below this width the layout stacks and is sized for fingers (theme.css). */
const STACKED_BELOW = 1100;

/** A page in a touch-capable context below STACKED_BELOW, a mouse one above, with errors kept. */
async function openAt(
  viewport: { width: number; height: number },
  view: '3d' | '2d' = '3d',
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, hasTouch: viewport.width < STACKED_BELOW });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(base());
  await page.waitForSelector(SCENE, { timeout: 30_000 });
  // A short, wide view (1024×700) shows the whole surface in about a sixth of its pixels.
  await waitForInk(page, SCENE, 0.1);
  if (view === '2d') {
    await page.getByRole('button', { name: '2D', exact: true }).click();
    await page.waitForSelector(MAP);
    await waitForInk(page, MAP, 0.3);
  }
  return { page, errors };
}

async function close(page: Page) {
  await page.context().close();
}

/** Unfold every folded section (only the stacked layout has them). */
async function openSections(page: Page) {
  const toggles = page.locator('button.collapsible-toggle[aria-expanded="false"]');
  for (const t of await toggles.all()) if (await t.isVisible()) await t.click();
}

/** Elements whose box reaches past the right edge of the window, or whose text is cut off. */
function overflowing(page: Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.left < -0.5 || r.right > innerWidth + 0.5)
        out.push(`${name(el)} spans ${r.left}–${r.right}`);
    }
    return out;
  });
}

async function onScreenAcross(page: Page, what: string, loc: ReturnType<Page['locator']>) {
  const b = await loc.boundingBox();
  expect(b, what).not.toBeNull();
  const w = page.viewportSize()!.width;
  expect(b!.x, what).toBeGreaterThanOrEqual(0);
  expect(b!.x + b!.width, what).toBeLessThanOrEqual(w + 0.5);
}

/** One finger (or two) on the screen: CDP touch events, which Chromium turns into pointer events. */
async function touch(
  cdp: CDPSession,
  type: 'touchStart' | 'touchMove' | 'touchEnd',
  points: { x: number; y: number }[],
) {
  await cdp.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })),
  });
}

async function drag(cdp: CDPSession, from: { x: number; y: number }, dx: number, dy: number) {
  await touch(cdp, 'touchStart', [from]);
  for (let i = 1; i <= 8; i++)
    await touch(cdp, 'touchMove', [{ x: from.x + (dx * i) / 8, y: from.y + (dy * i) / 8 }]);
  await touch(cdp, 'touchEnd', []);
}

/** Two fingers about a centre, spreading from `d0` to `d1` px apart. */
async function pinch(cdp: CDPSession, c: { x: number; y: number }, d0: number, d1: number) {
  const at = (d: number) => [
    { x: c.x - d / 2, y: c.y },
    { x: c.x + d / 2, y: c.y },
  ];
  await touch(cdp, 'touchStart', at(d0));
  for (let i = 1; i <= 8; i++) await touch(cdp, 'touchMove', at(d0 + ((d1 - d0) * i) / 8));
  await touch(cdp, 'touchEnd', []);
}

describe('the layout on every screen', () => {
  for (const screen of SCREENS) {
    it(`${screen.width}×${screen.height}: no sideways scroll, nothing cut off`, async () => {
      const { page, errors } = await openAt(screen);
      await screenshot(page, `layout-${screen.width}`);
      await openSections(page);
      const scroll = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth,
      }));
      expect(scroll.scrollWidth).toBeLessThanOrEqual(scroll.innerWidth);
      expect(await overflowing(page)).toEqual([]);
      await onScreenAcross(page, 'Export', page.getByRole('combobox', { name: 'Export' }));
      await onScreenAcross(page, 'speed menu', page.getByRole('combobox', { name: /speed/ }));
      await onScreenAcross(page, 'Play', page.getByRole('button', { name: 'Play' }));
      // Every plot title is shown whole: nothing clipped at the side or ellipsised.
      const titles = await page.locator('.plot-title').evaluateAll((els) =>
        els.map((el) => ({
          text: el.textContent,
          clipped: el.scrollWidth > el.clientWidth + 0.5,
          right: el.getBoundingClientRect().right,
        })),
      );
      expect(titles.length).toBe(4);
      for (const t of titles) {
        expect(t.clipped, `${t.text}`).toBe(false);
        expect(t.right, `${t.text}`).toBeLessThanOrEqual(screen.width + 0.5);
      }
      // The lesson card sits outside the view box: it never covers the picture.
      const card = await page.getByRole('complementary', { name: 'Lesson' }).boundingBox();
      const view = (await page.getByRole('main', { name: 'Landscape view' }).boundingBox())!;
      expect(card).not.toBeNull();
      const apart =
        card!.y >= view.y + view.height - 0.5 ||
        card!.y + card!.height <= view.y + 0.5 ||
        card!.x >= view.x + view.width - 0.5 ||
        card!.x + card!.width <= view.x + 0.5;
      expect(apart, `card ${JSON.stringify(card)} view ${JSON.stringify(view)}`).toBe(true);
      await screenshot(page, `layout-${screen.width}-open`);
      expectNoErrors(errors);
      await close(page);
    });
  }

  it('on a phone the view comes first, full width and at least half the screen tall', async () => {
    const screen = { width: 390, height: 844 };
    const { page, errors } = await openAt(screen);
    const view = (await page.getByRole('main', { name: 'Landscape view' }).boundingBox())!;
    const header = (await page.locator('.app-header').boundingBox())!;
    expect(view.x).toBe(0);
    expect(view.width).toBe(screen.width);
    expect(view.height).toBeGreaterThanOrEqual(screen.height / 2);
    expect(view.y).toBeGreaterThanOrEqual(header.y + header.height - 0.5);
    const canvas = (await page.locator(SCENE).boundingBox())!;
    expect(canvas.width).toBeGreaterThanOrEqual(screen.width - 1);
    // The playback row follows the view and is on the first screen, without scrolling.
    const play = (await page.getByRole('button', { name: 'Play' }).boundingBox())!;
    expect(play.y).toBeGreaterThanOrEqual(view.y + view.height - 0.5);
    expect(play.y + play.height).toBeLessThanOrEqual(screen.height);
    expectNoErrors(errors);
    await close(page);
  });

  it('on a phone every button and menu is at least 40 px each way, and Play works by tap', async () => {
    const { page, errors } = await openAt({ width: 390, height: 844 });
    await openSections(page);
    const small = await page.evaluate(() => {
      const out: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>(
        'button, select, input[type="text"], input[type="number"], input[type="range"]',
      )) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || el.closest('dialog')) continue;
        const tall = r.height >= 40 - 0.5;
        const wide = r.width >= 40 - 0.5 || el.tagName !== 'BUTTON';
        if (!tall || !wide)
          out.push(
            `${el.tagName} "${el.getAttribute('aria-label') ?? el.textContent?.trim()}" ${r.width}×${r.height}`,
          );
      }
      return out;
    });
    expect(small).toEqual([]);

    // The page opens with whole paths drawn (the playhead at the last step); Play restarts.
    const last = await shownStep(page);
    expect(last).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Play' }).tap();
    await waitForStep(page, (k) => k < last);
    await page.getByRole('button', { name: 'Play' }).tap(); // pause
    expectNoErrors(errors);
    await close(page);
  });

  it('on a phone the runs and surface panels fold, and stay as set across 3D and 2D', async () => {
    const { page, errors } = await openAt({ width: 390, height: 844 });
    const runsToggle = page.getByRole('button', { name: 'Runs and their settings' });
    const surfaceToggle = page.getByRole('button', { name: /^Surface, simulation/ });
    const legend = page.getByRole('list', { name: 'Runs legend' });
    await expect.poll(() => runsToggle.getAttribute('aria-expanded')).toBe('false');
    expect(await legend.isVisible()).toBe(false);
    await runsToggle.tap();
    await expect.poll(() => runsToggle.getAttribute('aria-expanded')).toBe('true');
    expect(await legend.isVisible()).toBe(true);
    expect(await surfaceToggle.getAttribute('aria-expanded')).toBe('false');
    await page.getByRole('button', { name: '2D', exact: true }).tap();
    await page.waitForSelector(MAP);
    expect(await runsToggle.getAttribute('aria-expanded')).toBe('true');
    expect(await legend.isVisible()).toBe(true);
    await runsToggle.tap();
    expect(await legend.isVisible()).toBe(false);
    expectNoErrors(errors);
    await close(page);
  });

  it('on a desktop nothing folds: no toggles, both panels shown', async () => {
    const { page, errors } = await openAt({ width: 1280, height: 800 });
    expect(await page.locator('button.collapsible-toggle').first().isVisible()).toBe(false);
    expect(await page.getByRole('list', { name: 'Runs legend' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Surface', exact: true }).isVisible()).toBe(
      true,
    );
    expectNoErrors(errors);
    await close(page);
  });

  it('3D by touch: one finger orbits, two fingers pinch-zoom', async () => {
    const { page, errors } = await openAt({ width: 390, height: 844 });
    const cdp = await page.context().newCDPSession(page);
    const b = (await page.locator(SCENE).boundingBox())!;
    // Away from the start ring (a finger on it drags the start instead).
    const from = { x: b.x + b.width * 0.75, y: b.y + b.height * 0.3 };
    await snapCanvas(page, SCENE, 'before-orbit');
    await drag(cdp, from, -120, 0);
    await waitForCanvasChange(page, SCENE, 'before-orbit', 0.02);

    await snapCanvas(page, SCENE, 'before-pinch');
    const inkBefore = await canvasInkFraction(page, SCENE);
    const centre = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    await pinch(cdp, centre, 60, 220);
    await waitForCanvasChange(page, SCENE, 'before-pinch', 0.02);
    // Fingers spreading zoom in: the landscape covers more of the view than before.
    await expect.poll(() => canvasInkFraction(page, SCENE)).toBeGreaterThan(inkBefore * 1.2);
    await screenshot(page, 'layout-touch-3d');
    expectNoErrors(errors);
    await close(page);
  });

  it('2D by touch: one finger moves the start, two fingers pinch-zoom without moving it', async () => {
    const { page, errors } = await openAt({ width: 390, height: 844 }, '2d');
    const cdp = await page.context().newCDPSession(page);
    await page.getByRole('button', { name: /^Surface, simulation/ }).click();
    const x = startField(page, 'x');
    const y = startField(page, 'y');
    const before = [await x.inputValue(), await y.inputValue()];
    await page.locator(MAP).scrollIntoViewIfNeeded();
    const b = (await page.locator(MAP).boundingBox())!;
    await drag(cdp, { x: b.x + b.width * 0.4, y: b.y + b.height * 0.5 }, 40, -30);
    await expect.poll(async () => [await x.inputValue(), await y.inputValue()]).not.toEqual(before);

    const moved = [await x.inputValue(), await y.inputValue()];
    expect(await page.getByRole('button', { name: 'Reset view' }).count()).toBe(0);
    await pinch(cdp, { x: b.x + b.width / 2, y: b.y + b.height / 2 }, 60, 200);
    await expect.poll(() => page.getByRole('button', { name: 'Reset view' }).count()).toBe(1);
    expect([await x.inputValue(), await y.inputValue()]).toEqual(moved);
    await screenshot(page, 'layout-touch-2d');
    expectNoErrors(errors);
    await close(page);
  });

  it('a run lying exactly on another leaves the one beneath visible on the map', async () => {
    const { page, errors } = await openAt({ width: 1280, height: 800 }, '2d');
    // A duplicate follows its original (index 1) and takes the second colour; the original
    // keeps the first, and the two trails coincide point for point.
    await legendRows(page)
      .first()
      .getByRole('button', { name: /^Duplicate/ })
      .click();
    await expect.poll(() => legendRows(page).count()).toBe(3);
    await seekToEnd(page);
    const near = (hex: string) =>
      page.evaluate(
        ([sel, h]) => {
          const c = document.querySelector(sel) as HTMLCanvasElement;
          const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
          const rgb = [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
          let n = 0;
          for (let i = 0; i < d.length; i += 4)
            if (
              Math.abs(d[i] - rgb[0]) + Math.abs(d[i + 1] - rgb[1]) + Math.abs(d[i + 2] - rgb[2]) <
              40
            )
              n++;
          return n;
        },
        [MAP, hex] as const,
      );
    await expect.poll(() => near(PALETTE[1])).toBeGreaterThan(100);
    const duplicate = await near(PALETTE[1]);
    // The original shows through the duplicate's gaps along the trail (drawn solid on top, the
    // duplicate would leave none of the original's pixels at all).
    const original = await near(PALETTE[0]);
    expect(original).toBeGreaterThan(20);
    // Whole paths are drawn from the start, so the duplicate's dashes cover a long trail: the
    // original shows through their gaps (a solid duplicate on top would leave it 0 pixels).
    expect(original).toBeGreaterThan(0.02 * duplicate);
    await screenshot(page, 'layout-overlapping-runs');
    expectNoErrors(errors);
    await close(page);
  });
});
