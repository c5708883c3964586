import { expect, test } from './fixtures';

test('the home page leads to the catalogue and the directory', async ({
	page,
	expectAccessible
}) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expectAccessible();
	await page.getByRole('link', { name: 'Parcourir le catalogue des marchés' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Catalogue');
	await page
		.getByRole('navigation', { name: 'Navigation principale' })
		.getByRole('link', { name: 'Entre communes' })
		.click();
	await page
		.getByRole('navigation', { name: 'Pages de la rubrique Entre communes' })
		.getByRole('link', { name: 'Annuaire' })
		.click();
	await expect(page.getByRole('heading', { name: 'Annuaire' })).toBeVisible();
});

test('directory search ignores accents, case and punctuation', async ({
	page,
	expectAccessible
}) => {
	await page.goto('/annuaire');
	await expect(page.getByRole('status')).toContainText('75 communes');
	await expectAccessible();

	await page.getByLabel('Rechercher une commune').fill('ecaussinnes');
	await page.getByRole('main').getByRole('button', { name: 'Rechercher' }).click();
	await expect(page.getByRole('link', { name: 'Ecaussinnes' })).toBeVisible();
	await expect(page.getByRole('status')).toContainText('1 commune trouvée');

	await page.getByLabel('Rechercher une commune').fill("fontaine l'eveque");
	await page.getByRole('main').getByRole('button', { name: 'Rechercher' }).click();
	await expect(page.getByRole('link', { name: "Fontaine-l'Evêque" })).toBeVisible();
	await expectAccessible();

	await page.getByRole('link', { name: "Fontaine-l'Evêque" }).click();
	await expect(page.getByRole('heading', { name: "Fontaine-l'Evêque" })).toBeVisible();
	await expect(page.getByText('52022')).toBeVisible();
	await expectAccessible();
});

test('a commune on two territories shows both intercommunales; members see its people', async ({
	page,
	loginAs,
	expectAccessible
}) => {
	await page.goto('/annuaire/seneffe');
	await expect(page.getByRole('link', { name: 'IDEA', exact: true })).toBeVisible();
	await expect(page.getByRole('link', { name: 'IGRETEC', exact: true })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Personnes' })).toHaveCount(0);
	await loginAs('referent@seneffe.demo');
	await page.goto('/annuaire/seneffe');
	await expect(page.getByRole('heading', { name: 'Personnes' })).toBeVisible();
	await expect(page.getByRole('cell', { name: 'Nathalie Hubert' })).toBeVisible();
	await expectAccessible();
});

test('a directory search typed before the page has loaded is kept', async ({
	page,
	holdScripts
}) => {
	const scripts = await holdScripts();
	await page.goto('/annuaire', { waitUntil: 'domcontentloaded' });
	const search = page.getByLabel('Rechercher une commune');
	const intercommunale = page.getByLabel('Intercommunale', { exact: true });
	await search.fill('ecaussinnes');
	await intercommunale.selectOption({ label: 'IDETA' });
	await scripts.release();
	await expect(search).toHaveValue('ecaussinnes');
	await expect(intercommunale.locator('option:checked')).toHaveText('IDETA');
	await intercommunale.selectOption({ label: 'Toutes' });
	await page.getByRole('main').getByRole('button', { name: 'Rechercher' }).click();
	await expect(page.getByRole('status')).toContainText('1 commune trouvée');

	await search.fill('binche');
	await page.getByRole('main').getByRole('button', { name: 'Rechercher' }).click();
	await expect(page.getByRole('link', { name: 'Binche' })).toBeVisible();
	await intercommunale.selectOption({ label: 'IGRETEC' });
	await page.getByRole('main').getByRole('button', { name: 'Rechercher' }).click();
	await expect(page).toHaveURL(/intercommunale=igretec/);
	await page.goBack();
	await expect(intercommunale.locator('option:checked')).toHaveText('Toutes');
	await page.goBack();
	await expect(page.getByRole('link', { name: 'Ecaussinnes' })).toBeVisible();
	await expect(search).toHaveValue('ecaussinnes');
});
