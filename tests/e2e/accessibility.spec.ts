import { test, expect, type Page } from '@playwright/test';
import { commentField, composer, open } from './helpers';
import { HOST } from './origins';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Runs axe-core on the page (open shadow roots included) and lists violations readably. */
async function violations(page: Page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const results = await page.evaluate(async (tags) => {
    const axe = (window as any).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v: any) => ({
      rule: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 3).map((n: any) => `${n.target.join(' ')}: ${n.failureSummary.split('\n').slice(1, 2).join('')}`),
    }));
  }, WCAG);
  return results;
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the standalone page has no WCAG 2.2 AA violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await open(page);
    expect(await violations(page)).toEqual([]);
  });

  test(`no violations with validation errors showing and a reply box open (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await open(page);
    await commentField(page).fill(' ');
    await composer(page).getByRole('button', { name: 'Post comment' }).click();
    await page.getByRole('button', { name: 'Reply to Karamba' }).click();
    await expect(page.locator('.agora-comment__reply-box')).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  test(`the embedded element has no violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(`${HOST}/dist/examples/script.html`);
    await expect(page.locator('agora-thread .agora-thread__count')).toHaveText('2 Comments');
    expect(await violations(page)).toEqual([]);
  });
}
