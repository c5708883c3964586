import { expect, PHONE, test } from './fixtures';

test.describe('on a phone', () => {
	test.use({ viewport: PHONE });

	test('the navigation folds behind a Menu button that works by keyboard', async ({
		page,
		holdScripts,
		expectAccessible
	}) => {
		const nav = page.getByRole('navigation', { name: 'Navigation principale' });
		const menu = nav.getByRole('button', { name: 'Menu' });

		// before the page's script has loaded, the links are simply there
		const scripts = await holdScripts();
		await page.goto('/');
		await expect(nav.getByRole('link', { name: 'Entre communes' })).toBeVisible();
		await expect(menu).toBeHidden();

		await scripts.release();
		await expect(menu).toHaveAttribute('aria-expanded', 'false');
		await expect(nav.getByRole('link', { name: 'Entre communes' })).toBeHidden();
		await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
		await expectAccessible();

		await menu.click();
		await expect(menu).toHaveAttribute('aria-expanded', 'true');
		await expectAccessible();
		await nav.getByRole('link', { name: 'Entre communes' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Entre communes' })).toBeVisible();
		// arriving on a page folds the menu again; the button says where one is
		await expect(menu).toHaveAttribute('aria-expanded', 'false');
		await expect(menu).toContainText('Entre communes');
		// the section's own pages stay one tap away, outside the folded menu
		await page
			.getByRole('navigation', { name: 'Pages de la rubrique Entre communes' })
			.getByRole('link', { name: 'Annuaire' })
			.click();
		await expect(page.getByRole('heading', { level: 1, name: 'Annuaire' })).toBeVisible();
		await expect(menu).toContainText('Entre communes');

		await menu.focus();
		await page.keyboard.press('Enter');
		await page.keyboard.press('Tab');
		await expect(nav.getByRole('link', { name: 'Accueil' })).toBeFocused();
		await page.keyboard.press('Escape');
		await expect(nav.getByRole('link', { name: 'Accueil' })).toBeHidden();
		await expect(menu).toBeFocused();
		await expect(menu).toHaveAttribute('aria-expanded', 'false');
	});

	test('the signed-in header keeps to two rows and the account page fits the width', async ({
		page,
		loginAs,
		expectAccessible
	}) => {
		await loginAs('referent@charleroi.demo');
		await page.goto('/compte');
		const header = page.getByRole('banner');
		const brand = header.getByRole('link', { name: /Centrale/ });
		const bell = header.getByRole('link', { name: /Notifications/ });
		const who = header.getByRole('link', { name: /Mon compte/ });
		const logout = header.getByRole('button', { name: 'Se déconnecter' });
		const box = async (l: typeof brand) => (await l.boundingBox())!;
		// the brand and the notifications share the first row, who is in and the exit the second
		const [b, n, w, o] = await Promise.all([brand, bell, who, logout].map(box));
		expect(Math.abs(b.y + b.height / 2 - (n.y + n.height / 2))).toBeLessThan(12);
		expect(Math.abs(w.y + w.height / 2 - (o.y + o.height / 2))).toBeLessThan(12);
		expect(w.y).toBeGreaterThan(b.y + b.height / 2);
		// an e-mail address wraps rather than pushing the page wider than the phone
		await expect(page.getByText('referent@charleroi.demo', { exact: true })).toBeVisible();
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			PHONE.width
		);
		await expectAccessible();
	});

	test('a buyer’s header names the intercommunale by its short name', async ({ page, loginAs }) => {
		await loginAs('acheteur@igretec.demo');
		const who = page.getByRole('banner').getByRole('link', { name: /Mon compte/ });
		await expect(who).toHaveText(/Isabelle Gérard\s*IGRETEC$/);
		// the full name is on the account page
		await who.click();
		await expect(
			page.getByRole('link', { name: /^IGRETEC — Intercommunale pour la Gestion/ })
		).toBeVisible();
	});

	test('a table row stacks each value beside its label', async ({ page, loginAs }) => {
		await loginAs('referent@charleroi.demo');
		await page.goto('/mes-marches');
		const orders = page.getByRole('table', { name: /commandes/i });
		const cell = orders.locator('td[data-label="Marché"]').first();
		const label = (await cell.boundingBox())!;
		// the lot under the contract's title stays in the value column, not under the label
		const lot = (await cell.locator('.muted').boundingBox())!;
		expect(lot.x).toBeGreaterThan(label.x + 100);
		// a status is a badge at its own width, not a bar across the cell
		const status = orders.locator('td[data-label="Statut"]').first();
		const badge = (await status.locator('.badge').boundingBox())!;
		expect(badge.width).toBeLessThan((await status.boundingBox())!.width / 2);

		// a row's header (here the need) comes first and spans the row
		await page.goto('/groupes/1/phasage');
		const row = page
			.getByRole('table', { name: /Besoins par rang/ })
			.locator('tbody tr')
			.first();
		const [header, rank] = await Promise.all([
			row.getByRole('rowheader').boundingBox(),
			row.locator('td[data-label="Rang"]').boundingBox()
		]);
		expect(header!.y).toBeLessThan(rank!.y);
		expect(header!.width).toBeGreaterThan(rank!.width - 1);

		// an empty cell (no action on one's own session) leaves no bare label
		await page.goto('/compte');
		const sessions = page.getByRole('table', { name: 'Vos sessions ouvertes' });
		await expect(sessions.getByText('Cette session')).toBeVisible();
		await expect(sessions.locator('td[data-label="Action"]')).toBeHidden();
	});
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
	await expect(nav.getByRole('link', { name: 'Entre communes' })).toBeVisible();
});

for (const who of ['referent@charleroi.demo', 'acheteur@idea.demo']) {
	test(`at 1280 px the navigation of ${who} keeps to one row`, async ({ page, loginAs }) => {
		await page.setViewportSize({ width: 1280, height: 800 });
		await loginAs(who);
		const tops = await page
			.getByRole('navigation', { name: 'Navigation principale' })
			.getByRole('listitem')
			.evaluateAll((items) =>
				items
					.map((li) => li.getBoundingClientRect())
					.filter((box) => box.height > 0)
					.map((box) => Math.round(box.top))
			);
		expect(new Set(tops).size).toBe(1);
	});
}

test('a section has one entry in the main bar and its own bar on its pages', async ({
	page,
	loginAs,
	expectAccessible
}) => {
	await loginAs('admin@centrale.demo');
	const nav = page.getByRole('navigation', { name: 'Navigation principale' });
	await nav.getByRole('link', { name: 'Entre communes' }).click();
	const section = page.getByRole('navigation', { name: 'Pages de la rubrique Entre communes' });
	await section.getByRole('link', { name: 'Rencontres' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Rencontres');
	await expect(nav.getByRole('link', { name: 'Entre communes' })).toHaveAttribute(
		'aria-current',
		'page'
	);
	await expect(section.getByRole('link', { name: 'Rencontres' })).toHaveAttribute(
		'aria-current',
		'page'
	);
	await expectAccessible();
});

test('on a tablet the signed-in header keeps to one row', async ({ page, loginAs }) => {
	await page.setViewportSize({ width: 768, height: 1024 });
	await loginAs('referent@charleroi.demo');
	const header = page.getByRole('banner');
	const brand = (await header.getByRole('link', { name: /Centrale/ }).boundingBox())!;
	const logout = (await header.getByRole('button', { name: 'Se déconnecter' }).boundingBox())!;
	expect(Math.abs(brand.y + brand.height / 2 - (logout.y + logout.height / 2))).toBeLessThan(12);
	expect(logout.x + logout.width).toBeGreaterThan(700); // on the right, where it is on a desktop
});
