// Every main view in English and Danish, light and dark: axe-core finds no serious or critical
// accessibility problem (contrast included, so in both themes), and a screenshot of each is saved
// under test-results/screenshots/ (ignored by git, so a test run leaves the checkout as it was).
// `npm run screenshots` runs this spec and copies them to docs/screenshots/ for the README.
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { enterDemo, importAndSend } from './flows';
import { expect, test } from './harness';

const SHOTS = resolve(__dirname, '..', 'test-results', 'screenshots');

const TABS = {
  en: { compose: 'Compose', outbox: 'Outbox', suppression: 'Suppression list', settings: 'Settings' },
  da: { compose: 'Skriv', outbox: 'Udbakke', suppression: 'Spærreliste', settings: 'Indstillinger' },
} as const;

async function axe(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${what}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
  expect(bad).toEqual([]);
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: resolve(SHOTS, `${name}.png`) });
}

for (const lang of ['en', 'da'] as const) {
  test.describe(`views in ${lang}`, () => {
    test.use({ locale: lang === 'da' ? 'da-DK' : 'en-GB', viewport: { width: 1180, height: 820 } });

    test(`axe finds nothing serious, light and dark (${lang})`, async ({ page, harness }) => {
      // Ten views × axe × screenshots: minutes on a loaded two-core machine.
      test.setTimeout(600_000);
      // The first-run panel, before anything else.
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(harness.url);
        await expect(page.getByRole('button', { name: lang === 'da' ? /Prøv demoen/ : /Try the demo/ })).toBeVisible();
        await axe(page, `welcome ${scheme}`);
        await shoot(page, `welcome-${lang}-${scheme}`);
      }
      await page.emulateMedia({ colorScheme: 'light' });

      // A sent campaign, so the Outbox has results to show (English UI strings in the shared steps).
      if (lang === 'en') {
        await enterDemo(page, harness.url);
        await importAndSend(page, {
          csv: 'Navn;Telefon\nSøren;20123450\nÅse;20123451\nIb;20123457\nMia;20123458\n',
          message: 'Hej %Navn%, vi har “forårsudsalg” i dag',
          accepted: 4,
        });
      } else {
        await page.getByRole('button', { name: /Prøv demoen/ }).click();
        await expect(page.getByTestId('mode-badge')).toHaveText('DEMO');
        await page.getByLabel('Modtagerfil (CSV)').setInputFiles({
          name: 'kunder.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from('Navn;Telefon\nSøren;20123450\nÅse;20123451\nIb;20123457\nMia;20123458\n'),
        });
        await page.getByRole('button', { name: 'Kontroller modtagere' }).click();
        await expect(page.getByTestId('accepted-count')).toHaveText('4');
        await page.getByLabel('Afsender').fill('Butik');
        await page.getByLabel('Besked', { exact: true }).fill('Hej %Navn%, vi har “forårsudsalg” i dag');
        await expect(page.getByTestId('estimate')).toBeVisible();
        await page.getByRole('button', { name: 'Send…' }).click();
        await page.getByRole('dialog').getByRole('button', { name: 'Send nu' }).click();
      }
      await expect(page.locator('[role="row"][data-msisdn="4520123458"]')).toContainText(lang === 'da' ? 'Udløbet' : 'Expired', {
        timeout: 30_000,
      });

      // Compose with a file and a message waiting (so the preview and the Unicode hint show).
      await page.getByRole('button', { name: TABS[lang].compose }).click();
      await page.getByLabel(lang === 'da' ? 'Modtagerfil (CSV)' : 'Recipients file (CSV)').setInputFiles({
        name: 'liste.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('Navn;Telefon\nBo;20123452\nLi;20123453\n'),
      });
      await page.getByLabel(lang === 'da' ? 'Besked' : 'Message', { exact: true }).fill('Hej %Navn% – ses “i morgen”…');
      await page.getByRole('button', { name: lang === 'da' ? 'Kontroller modtagere' : 'Check recipients' }).click();
      await expect(page.getByTestId('recipient-preview')).toBeVisible();

      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const view of ['compose', 'outbox', 'suppression', 'settings'] as const) {
          await page.getByRole('button', { name: TABS[lang][view], exact: true }).click();
          await expect(page.getByRole('button', { name: TABS[lang][view], exact: true })).toHaveAttribute('aria-current', 'page');
          if (view === 'outbox') await expect(page.getByRole('article').first()).toBeVisible();
          await axe(page, `${view} ${scheme}`);
          await shoot(page, `${view}-${lang}-${scheme}`);
        }
      }
      expect(harness.console.filter((l) => l.startsWith('pageerror'))).toEqual([]);
    });
  });
}
