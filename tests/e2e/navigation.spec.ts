import { expect, test } from './fixtures';

test('on a phone the navigation folds behind a Menu button that works by keyboard', async ({
	page,
	holdScripts,
	expectAccessible
}) => {
	await page.setViewportSize({ width: 390, height: 844 });
	const nav = page.getByRole('navigation', { name: 'Navigation principale' });
	const menu = nav.getByRole('button', { name: 'Menu' });

	// before the page's script has loaded, the links are simply there
	const scripts = await holdScripts();
	await page.goto('/');
	await expect(nav.getByRole('link', { name: 'Annuaire' })).toBeVisible();
	await expect(menu).toBeHidden();

	await scripts.release();
	await expect(menu).toHaveAttribute('aria-expanded', 'false');
	await expect(nav.getByRole('link', { name: 'Annuaire' })).toBeHidden();
	await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
	await expectAccessible();

	await menu.click();
	await expect(menu).toHaveAttribute('aria-expanded', 'true');
	await expectAccessible();
	await nav.getByRole('link', { name: 'Annuaire' }).click();
	await expect(page.getByRole('heading', { name: 'Annuaire' })).toBeVisible();
	// arriving on a page folds the menu again; the button says where one is
	await expect(menu).toHaveAttribute('aria-expanded', 'false');
	await expect(menu).toContainText('Annuaire');

	await menu.focus();
	await page.keyboard.press('Enter');
	await page.keyboard.press('Tab');
	await expect(nav.getByRole('link', { name: 'Accueil' })).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(nav.getByRole('link', { name: 'Accueil' })).toBeHidden();
	await expect(menu).toBeFocused();
	await expect(menu).toHaveAttribute('aria-expanded', 'false');
});

test('on a wide screen the navigation is always shown, without a Menu button', async ({ page }) => {
	await page.goto('/catalogue');
	const nav = page.getByRole('navigation', { name: 'Navigation principale' });
	await expect(nav.getByRole('link', { name: 'Catalogue' })).toHaveAttribute(
		'aria-current',
		'page'
	);
	await page.waitForLoadState('networkidle');
	await expect(nav.getByRole('button', { name: 'Menu' })).toBeHidden();
	await expect(nav.getByRole('link', { name: 'Annuaire' })).toBeVisible();
});
