import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { canvasInkFraction, launch, screenshot } from './chromium.ts';
import {
  MAP,
  SCENE,
  canvasChange,
  countShaderLinks,
  dragSlider,
  expectNoErrors,
  frames,
  hideLesson,
  legendRows,
  lossOf,
  openLab,
  retype,
  roundTripMs,
  seekToEnd,
  shaderLinks,
  shownStep,
  startField,
  snapCanvas,
  toMap,
  waitForCanvasChange,
  waitForStep,
} from './helpers.ts';

/**
 * "The lab in the browser": the built page driven in Chromium as a person would, with the mouse
 * and the keyboard. Assertions are on state the page shows (inputs, counters, badges) and on the
 * pixels drawn, never on frame rates. Screenshots go to test-artifacts/screenshots/.
 */

let browser: Browser;
const base = () => inject('baseUrl');

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the lab in Chromium, driven like a person', () => {
  it('loads without console errors and draws the 3D landscape', async () => {
    const { page, errors } = await openLab(browser, base());
    expect(await canvasInkFraction(page, SCENE)).toBeGreaterThan(0.2);
    expect(await legendRows(page).count()).toBeGreaterThan(0);
    // Whole paths on arrival: the playhead starts at the last step (issue 10).
    const max = Number(
      await page.getByRole('slider', { name: 'Step', exact: true }).getAttribute('max'),
    );
    await expect.poll(() => shownStep(page)).toBe(max);
    await screenshot(page, 'lab-load');
    expectNoErrors(errors);
    await page.close();
  });

  it('redraws the trajectory and the loss readout when the lr slider is dragged', async () => {
    const { page, errors } = await openLab(browser, base());
    const last = await seekToEnd(page);
    await legendRows(page).nth(0).locator('.run-name').click();
    const lr = page.getByRole('slider', { name: 'learning rate', exact: true });
    const lrTyped = page.getByRole('textbox', { name: 'learning rate (typed value)' });
    const lr0 = await lrTyped.inputValue();
    const lossBefore = await lossOf(page, 0).textContent();
    await frames(page);
    await snapCanvas(page, SCENE, 'lr0');
    await screenshot(page, 'lr-before');
    await countShaderLinks(page);

    // A real drag of the thumb to the left: a third of a decade smaller lr.
    await dragSlider(page, lr, -12);
    await expect.poll(() => lrTyped.inputValue()).not.toBe(lr0);
    const dragged = Number(await lrTyped.inputValue());
    expect(dragged).toBeLessThan(Number(lr0));
    await waitForCanvasChange(page, SCENE, 'lr0', 0.0002);
    await expect.poll(() => lossOf(page, 0).textContent()).not.toBe(lossBefore);
    await screenshot(page, 'lr-dragged');

    // The keyboard moves the focused slider one notch (a hundredth of a decade) per arrow.
    await snapCanvas(page, SCENE, 'lr1');
    const lossDragged = await lossOf(page, 0).textContent();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(async () => Number(await lrTyped.inputValue())).toBeGreaterThan(dragged);
    await waitForCanvasChange(page, SCENE, 'lr1', 0.0002);
    await expect.poll(() => lossOf(page, 0).textContent()).not.toBe(lossDragged);
    // Arrows on a focused slider move the slider, not the playhead.
    expect(await shownStep(page)).toBe(last);
    // An edit rebuilds trails, never shaders (a recompile stalls a frame; seconds in SwiftShader).
    expect(await shaderLinks(page)).toBe(0);
    expectNoErrors(errors);
    await page.close();
  });

  it('adds runs up to eight, then disables Add; removing one redraws', async () => {
    const { page, errors } = await openLab(browser, base());
    await toMap(page);
    await seekToEnd(page);
    await frames(page);
    await snapCanvas(page, MAP, 'first');
    const add = page.getByRole('button', { name: 'Add run' });
    const heading = page.getByRole('heading', { name: /^Runs/ });
    const n0 = await legendRows(page).count();
    expect(n0).toBeLessThan(8);
    await expect.poll(() => heading.textContent()).toMatch(new RegExp(`${n0}/8`));

    // Pick another optimizer for the new run, as a person would, then add it.
    await page.getByRole('combobox', { name: 'Optimizer for the new run' }).selectOption('rmsprop');
    await add.click();
    await expect.poll(() => legendRows(page).count()).toBe(n0 + 1);
    await expect.poll(() => heading.textContent()).toMatch(new RegExp(`${n0 + 1}/8`));
    // An automatic name: the optimizer and its lr (suggested for this surface).
    expect(await legendRows(page).nth(n0).locator('.run-name').textContent()).toMatch(
      /^RMSprop \(lr [\d.]+\)$/,
    );
    await waitForCanvasChange(page, MAP, 'first', 0.0005);

    for (let n = n0 + 2; n <= 8; n++) {
      await add.click();
      await expect.poll(() => legendRows(page).count()).toBe(n);
    }
    expect(await add.isDisabled()).toBe(true);
    await expect.poll(() => heading.textContent()).toMatch(/8\/8/);
    await screenshot(page, 'runs-8');

    await snapCanvas(page, MAP, 'eight');
    // Remove the first run: the one drawn first, under all the others.
    const names = await legendRows(page).locator('.run-name').allTextContents();
    await legendRows(page)
      .nth(0)
      .getByRole('button', { name: /^Remove / })
      .click();
    await expect.poll(() => legendRows(page).count()).toBe(7);
    expect(await legendRows(page).locator('.run-name').allTextContents()).toEqual(names.slice(1));
    await expect.poll(() => heading.textContent()).toMatch(/7\/8/);
    expect(await add.isEnabled()).toBe(true);
    await waitForCanvasChange(page, MAP, 'eight', 0.0005);
    expectNoErrors(errors);
    await page.close();
  });

  it('plays and pauses with space, scrubs with the mouse, steps with arrows, resets with R', async () => {
    const { page, errors } = await openLab(browser, base());
    const play = page.getByRole('button', { name: 'Play' });
    // At the end on arrival: Play starts again from step 0.
    expect(await shownStep(page)).toBeGreaterThan(5);

    await page.keyboard.press('Space');
    await expect.poll(() => play.getAttribute('aria-pressed')).toBe('true');
    const playing = await waitForStep(page, (k) => k >= 5);
    await page.keyboard.press('Space');
    await expect.poll(() => play.getAttribute('aria-pressed')).toBe('false');
    await frames(page, 2);
    const paused = await shownStep(page);
    expect(paused).toBeGreaterThanOrEqual(playing);
    const last = Number(
      await page.getByRole('slider', { name: 'Step', exact: true }).getAttribute('max'),
    );
    expect(paused).toBeLessThan(last);
    await page.waitForTimeout(400);
    await frames(page, 2);
    expect(await shownStep(page)).toBe(paused);

    // Drag the scrubber's thumb to three quarters of the track. Chromium's thumb is 16 px wide:
    // its centre runs from 8 px inside one end of the track to 8 px inside the other.
    const scrubber = page.getByRole('slider', { name: 'Step', exact: true });
    const box = (await scrubber.boundingBox())!;
    const track = (k: number) => box.x + 8 + (k / last) * (box.width - 16);
    const y = box.y + box.height / 2;
    const target = Math.round(0.75 * last);
    await page.mouse.move(track(paused), y);
    await page.mouse.down();
    await page.mouse.move(track(target), y, { steps: 10 });
    await page.mouse.up();
    const scrubbed = Number(await scrubber.inputValue());
    expect(Math.abs(scrubbed - target)).toBeLessThanOrEqual(1);
    await waitForStep(page, (k) => k === scrubbed);

    // Global shortcuts act once the focus has left the slider.
    await page.getByRole('heading', { name: 'Loss Landscape Lab' }).click();
    await page.keyboard.press('ArrowRight');
    await waitForStep(page, (k) => k === scrubbed + 1);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await waitForStep(page, (k) => k === scrubbed - 1);
    await page.keyboard.press('Shift+ArrowRight');
    await waitForStep(page, (k) => k === scrubbed + 9);
    await page.keyboard.press('r');
    await waitForStep(page, (k) => k === 0);
    expect(await scrubber.inputValue()).toBe('0');
    expectNoErrors(errors);
    await page.close();
  });

  it('moves the start to the point clicked on the 2D map', async () => {
    const { page, errors } = await openLab(browser, base());
    await hideLesson(page);
    await page.getByRole('radio', { name: /^Ravine/ }).check();
    await toMap(page);
    await frames(page);
    const startX = startField(page, 'x');
    const startY = startField(page, 'y');
    const x0 = await startX.inputValue();

    // The ravine's domain is [-4, 4]²; the map fits it, one unit the same number of pixels both
    // ways, inside margins of 48 (left), 70 (right), 22 (top), 26 (bottom) CSS pixels.
    const box = (await page.locator(MAP).boundingBox())!;
    const w = box.width - 48 - 70;
    const h = box.height - 22 - 26;
    const pxPerUnit = Math.min(w, h) / 8;
    const cx = box.x + 48 + w / 2;
    const cy = box.y + 22 + h / 2;
    const target = [1.5, -2] as const;
    const px = cx + target[0] * pxPerUnit;
    const py = cy - target[1] * pxPerUnit;

    // Hovering shows the point under the pointer; clicking puts the start there.
    await page.mouse.move(px, py);
    await expect.poll(() => page.locator('.contour-map-readout').textContent()).toMatch(/^x /);
    const readout = (await page.locator('.contour-map-readout').textContent())!;
    await snapCanvas(page, MAP, 'before-click');
    await page.mouse.click(px, py);
    await expect.poll(() => startX.inputValue()).not.toBe(x0);
    const x = Number(await startX.inputValue());
    const y = Number(await startY.inputValue());
    const pixel = 1.5 / pxPerUnit;
    expect(Math.abs(x - target[0])).toBeLessThan(pixel);
    expect(Math.abs(y - target[1])).toBeLessThan(pixel);
    const [, rx, ry] = /x (\S+)\s+y (\S+)/.exec(readout)!;
    expect(Math.abs(x - Number(rx.replace('−', '-')))).toBeLessThan(pixel);
    expect(Math.abs(y - Number(ry.replace('−', '-')))).toBeLessThan(pixel);
    expect(await page.getByRole('button', { name: 'Reset to suggested' }).isEnabled()).toBe(true);
    await waitForCanvasChange(page, MAP, 'before-click', 0.0005);
    await screenshot(page, 'map-click-start');
    expectNoErrors(errors);
    await page.close();
  });

  it('moves the start to the point clicked on the 3D mesh', async () => {
    const { page, errors } = await openLab(browser, base());
    await hideLesson(page);
    await page.getByRole('radio', { name: /^Ravine/ }).check();
    const startX = startField(page, 'x');
    const startY = startField(page, 'y');
    const box = (await page.locator(SCENE).boundingBox())!;

    // Left and right of the centre: the default camera looks along +y, so screen-right is +x.
    const clickAt = async (fx: number) => {
      const before = await startX.inputValue();
      await page.mouse.click(box.x + box.width * fx, box.y + box.height * 0.55);
      await expect.poll(() => startX.inputValue()).not.toBe(before);
      return [Number(await startX.inputValue()), Number(await startY.inputValue())] as const;
    };
    await snapCanvas(page, SCENE, 'before-click');
    const left = await clickAt(0.35);
    const right = await clickAt(0.65);
    for (const p of [left, right]) {
      expect(Math.abs(p[0])).toBeLessThanOrEqual(4);
      expect(Math.abs(p[1])).toBeLessThanOrEqual(4);
    }
    expect(right[0]).toBeGreaterThan(left[0] + 0.5);
    await waitForCanvasChange(page, SCENE, 'before-click', 0.0005);
    await screenshot(page, 'scene-click-start');
    expectNoErrors(errors);
    await page.close();
  });

  it('switches between the 3D view and the 2D map without errors', async () => {
    const { page, errors } = await openLab(browser, base());
    const to2d = page.getByRole('button', { name: '2D', exact: true });
    const to3d = page.getByRole('button', { name: '3D', exact: true });
    await to2d.click();
    await page.waitForSelector(MAP);
    expect(await page.locator(SCENE).count()).toBe(0);
    expect(await to2d.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => canvasInkFraction(page, MAP)).toBeGreaterThan(0.5);
    await screenshot(page, 'toggle-2d');
    await to3d.click();
    await page.waitForSelector(SCENE);
    expect(await page.locator(MAP).count()).toBe(0);
    await expect
      .poll(() => canvasInkFraction(page, SCENE), { timeout: 15_000 })
      .toBeGreaterThan(0.2);
    expect(await to3d.getAttribute('aria-pressed')).toBe('true');
    expectNoErrors(errors);
    await page.close();
  });

  it('shows a bad custom expression’s error at its position and keeps the last valid surface', async () => {
    const { page, errors } = await openLab(browser, base());
    await page.getByRole('radio', { name: /Custom expression/ }).check();
    const box = page.getByRole('textbox', { name: 'f(x, y) =' });
    await expect.poll(() => box.inputValue()).not.toBe('');
    await frames(page);

    await box.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('x + ');
    const error = page.locator('.expression-error');
    await expect.poll(() => error.count()).toBe(1);
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    // "x" was valid on the way: that plane is the last valid surface, drawn now.
    await frames(page, 3);
    await snapCanvas(page, SCENE, 'plane');

    await page.keyboard.type('import("fs")');
    await expect.poll(() => error.locator('mark').textContent()).toBe('import');
    const message = (await error.locator('.field-error').textContent())!;
    expect(message).toMatch(/import/);
    expect(message).toMatch(/last valid surface stays drawn/);
    // The mark sits where the bad part starts: after "x + ".
    expect(await error.locator('code').textContent()).toBe('x + import("fs")');
    await frames(page, 3);
    expect(await canvasChange(page, SCENE, 'plane')).toBe(0);
    expect(await canvasInkFraction(page, SCENE)).toBeGreaterThan(0.2);
    await screenshot(page, 'custom-expression-error');

    await page.keyboard.press('Control+A');
    await page.keyboard.type('(x - 1)^2 + 3*y^2');
    await expect.poll(() => error.count()).toBe(0);
    expect(await box.getAttribute('aria-invalid')).toBeNull();
    await waitForCanvasChange(page, SCENE, 'plane', 0.05);
    await screenshot(page, 'custom-expression-valid');
    expectNoErrors(errors);
    await page.close();
  });

  it('survives absurd settings: the page stays responsive and the run shows as diverged', async () => {
    const { page, errors } = await openLab(browser, base());
    // SGD as the first run, on the default surface.
    await legendRows(page).nth(0).locator('.run-name').click();
    await page.getByRole('combobox', { name: 'optimizer', exact: true }).selectOption('sgd');
    const lrTyped = page.getByRole('textbox', { name: 'learning rate (typed value)' });
    await retype(page, lrTyped, '1000000');
    await expect.poll(() => lrTyped.inputValue()).toBe('1000000');
    const sgd = legendRows(page).nth(0);
    await expect.poll(() => sgd.getByText(/diverged at step \d+/).count()).toBe(1);
    expect(await roundTripMs(page)).toBeLessThan(1000);
    await seekToEnd(page);
    // Past its last finite iterate: ∞ now, and the step and loss it ended at.
    await expect
      .poll(() => lossOf(page, 0).textContent())
      .toMatch(/^now\s\(step\s\d+\):\sloss\s∞ · end\s\(step\s\d+\):\sloss\s/);

    // A new Adam run with a tiny eps.
    await page.getByRole('combobox', { name: 'Optimizer for the new run' }).selectOption('adam');
    await page.getByRole('button', { name: 'Add run' }).click();
    const eps = page.getByRole('textbox', { name: 'eps (typed value)', exact: true });
    await retype(page, eps, '1e-300');
    await expect.poll(() => eps.inputValue()).toBe('1e-300');
    expect(await roundTripMs(page)).toBeLessThan(1000);

    // A start far outside the domain.
    const startX = startField(page, 'x');
    await retype(page, startX, '999999');
    await expect.poll(() => startX.inputValue()).toBe('999999');
    expect(await roundTripMs(page)).toBeLessThan(1000);
    await frames(page, 2);
    await expect.poll(() => page.getByText(/diverged at step \d+/).count()).toBeGreaterThan(0);
    // Playing through all of it keeps the page answering.
    await page.getByRole('heading', { name: 'Loss Landscape Lab' }).click();
    await page.keyboard.press('r');
    await waitForStep(page, (k) => k === 0);
    await page.keyboard.press('Space');
    await waitForStep(page, (k) => k > 10);
    expect(await roundTripMs(page)).toBeLessThan(1000);
    await screenshot(page, 'absurd-settings');
    expectNoErrors(errors);
    await page.close();
  });

  it('without WebGL says so and draws the runs on the 2D map', async () => {
    const { page, errors } = await openLab(browser, base(), { query: '?nowebgl', view: '2d' });
    expect(await page.getByText(/WebGL is not available/).count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: '3D', exact: true }).isDisabled()).toBe(true);
    expect(await page.locator(SCENE).count()).toBe(0);
    // The message fits in the header: the share controls stay on screen, nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      1280,
    );
    const exportBox = (await page.getByRole('combobox', { name: 'Export' }).boundingBox())!;
    expect(exportBox.x + exportBox.width).toBeLessThanOrEqual(1280);
    // Whole paths on arrival; back at step 0 only the starts are left.
    await snapCanvas(page, MAP, 'whole');
    await page.getByRole('heading', { name: 'Loss Landscape Lab' }).click();
    await page.keyboard.press('Home');
    await waitForStep(page, (k) => k === 0);
    const change = await waitForCanvasChange(page, MAP, 'whole', 0.002);
    expect(change).toBeGreaterThan(0.002);
    await screenshot(page, 'no-webgl-runs');
    expectNoErrors(errors);
    await page.close();
  });

  it('recovers from a lost WebGL context', async () => {
    const { page, errors } = await openLab(browser, base());
    await page.evaluate((sel) => {
      const c = document.querySelector(sel) as HTMLCanvasElement;
      const gl = (c.getContext('webgl2') ?? c.getContext('webgl'))!;
      const ext = gl.getExtension('WEBGL_lose_context')!;
      (window as unknown as { __lose: WEBGL_lose_context }).__lose = ext;
      ext.loseContext();
    }, SCENE);
    await expect.poll(() => page.getByText(/graphics context was lost/).count()).toBe(1);
    await screenshot(page, 'webgl-lost');
    await page.waitForTimeout(300);
    await page.evaluate(() =>
      (window as unknown as { __lose: WEBGL_lose_context }).__lose.restoreContext(),
    );
    await expect.poll(() => page.getByText(/graphics context was lost/).count()).toBe(0);
    await expect
      .poll(() => canvasInkFraction(page, SCENE), { timeout: 15_000 })
      .toBeGreaterThan(0.2);
    await screenshot(page, 'webgl-restored');
    // The restored context keeps drawing new frames: back to step 0, the whole trails go.
    await snapCanvas(page, SCENE, 'restored');
    await page.getByRole('heading', { name: 'Loss Landscape Lab' }).click();
    await page.keyboard.press('Home');
    await waitForStep(page, (k) => k === 0);
    await waitForCanvasChange(page, SCENE, 'restored', 0.0002);
    expectNoErrors(errors);
    await page.close();
  });

  it('reaches every control with Tab, and every control has an accessible name', async () => {
    const { page, errors } = await openLab(browser, base());
    // Every visible, enabled control, numbered in the page.
    const count = await page.evaluate(() => {
      const els = [
        ...document.querySelectorAll<HTMLElement>(
          'button, input, select, textarea, summary, a[href], [tabindex]:not([tabindex="-1"])',
        ),
      ].filter((el) => !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0);
      els.forEach((el, i) => (el.dataset.kb = String(i)));
      return els.length;
    });
    expect(count).toBeGreaterThan(40);

    // Names as the browser computes them for assistive technology (aria-label, <label>, text).
    const cdp = await page.context().newCDPSession(page);
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
      nodeId: root.nodeId,
      selector: '[data-kb]',
    });
    const unnamed: string[] = [];
    for (const nodeId of nodeIds) {
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', {
        nodeId,
        fetchRelatives: false,
      });
      const name = String(nodes[0]?.name?.value ?? '').trim();
      if (!name) {
        const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
        unnamed.push(outerHTML.slice(0, 160));
      }
    }
    expect(unnamed, `controls without an accessible name:\n${unnamed.join('\n')}`).toEqual([]);

    // Tab from the top of the page through every stop until the focus comes round again.
    await page.getByRole('heading', { name: 'Loss Landscape Lab' }).click();
    const reached = new Set<number>();
    let first: number | null = null;
    for (let i = 0; i < count + 20; i++) {
      await page.keyboard.press('Tab');
      const kb = await page.evaluate(
        () => (document.activeElement as HTMLElement | null)?.dataset.kb,
      );
      if (kb === undefined) continue;
      const k = Number(kb);
      if (k === first) break;
      first ??= k;
      reached.add(k);
    }
    // A radio group is one tab stop (arrows move inside it): its unchecked radios are exempt.
    const missed = await page.evaluate(
      (got) =>
        [...document.querySelectorAll<HTMLElement>('[data-kb]')]
          .filter((el) => !got.includes(Number(el.dataset.kb)))
          .filter((el) => !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked))
          .map((el) => el.outerHTML.slice(0, 160)),
      [...reached],
    );
    expect(missed, `controls Tab never reaches:\n${missed.join('\n')}`).toEqual([]);
    expectNoErrors(errors);
    await page.close();
  });

  it('fits 1280×720: no horizontal scroll, and the view, panels and timeline are on screen', async () => {
    const viewport = { width: 1280, height: 720 };
    const { page, errors } = await openLab(browser, base(), { viewport });
    const overflow = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
    const onScreen = async (name: string, loc: ReturnType<typeof page.locator>) => {
      const b = await loc.boundingBox();
      expect(b, name).not.toBeNull();
      expect(b!.width, name).toBeGreaterThan(100);
      expect(b!.height, name).toBeGreaterThan(30);
      expect(b!.x, name).toBeGreaterThanOrEqual(0);
      expect(b!.y, name).toBeGreaterThanOrEqual(0);
      expect(b!.x + b!.width, name).toBeLessThanOrEqual(viewport.width + 0.5);
      expect(b!.y + b!.height, name).toBeLessThanOrEqual(viewport.height + 0.5);
    };
    await onScreen('view', page.getByRole('main', { name: 'Landscape view' }));
    await onScreen('surface panel', page.getByRole('complementary', { name: 'Landscape' }));
    await onScreen('runs panel', page.getByRole('complementary', { name: 'Runs' }));
    await onScreen('timeline', page.getByRole('group', { name: 'Playback' }));
    await onScreen('3D canvas', page.locator(SCENE));
    expect(await canvasInkFraction(page, SCENE)).toBeGreaterThan(0.2);
    await screenshot(page, 'fit-1280x720-3d');
    await toMap(page);
    await onScreen('2D map', page.locator(MAP));
    await expect.poll(() => canvasInkFraction(page, MAP)).toBeGreaterThan(0.5);
    const after = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(after).toBeLessThanOrEqual(overflow.clientWidth);
    await screenshot(page, 'fit-1280x720-2d');
    expectNoErrors(errors);
    await page.close();
  });
});
