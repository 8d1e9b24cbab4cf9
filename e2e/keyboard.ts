// Keyboard-only helpers: reach a control with Tab (proving it is reachable and in a sane order),
// then act with Enter, Space, arrows and typing — never a mouse click.
import type { Locator, Page } from '@playwright/test';

/** Presses Tab until `target` has focus; fails if it is not reachable within `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 120): Promise<void> {
  await target.waitFor({ state: 'visible' });
  for (let i = 0; i <= max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Not reachable with the Tab key: ${target.toString()}`);
}

export async function press(page: Page, target: Locator, key = 'Enter'): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

/** Focuses a field with Tab, selects what is in it and types the new text. */
export async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  if (text) await page.keyboard.type(text);
}

/** Changes a focused <select> with the arrow keys until its selected option's text matches. */
export async function chooseOption(page: Page, select: Locator, label: RegExp, max = 30): Promise<void> {
  await tabTo(page, select);
  for (const key of ['ArrowDown', 'ArrowUp']) {
    for (let i = 0; i < max; i++) {
      const text = await select.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
      if (label.test(text)) return;
      await page.keyboard.press(key);
    }
  }
  throw new Error(`No option ${label} in ${select.toString()}`);
}

/** A file dropped onto the window, as the OS file manager would (drag and drop has no key). */
export async function dropFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.evaluate(
    ({ name: fileName, data }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], fileName, { type: 'text/csv' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
      }
    },
    { name, data: [...bytes] },
  );
}
