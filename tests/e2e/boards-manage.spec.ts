import type { Browser } from '@playwright/test';
import { DEMO_PASSWORD, expect, test } from './fixtures';

async function loggedIn(browser: Browser, baseURL: string, email: string) {
	const context = await browser.newContext({ baseURL, locale: 'fr-BE' });
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('Adresse e-mail').fill(email);
	await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
	return { context, page };
}

test('a buyer creates a working group from the form', async ({
	page,
	loginAs,
	expectAccessible
}) => {
	await loginAs('acheteur@ideta.demo');
	await page.goto('/groupes');
	await page.getByRole('link', { name: 'Créer un groupe' }).click();
	await expectAccessible();
	await page.getByLabel('Titre').fill('Logiciels de gestion des cimetières');
	await page.getByLabel('Thématique').fill('Logiciels métier');
	await page.getByLabel('Description').fill('Recenser les besoins des services population.');
	await page.getByRole('radio', { name: 'Les membres seulement' }).check();
	await page.getByLabel('Recueil des besoins à partir du').fill('2027-03-01');
	await page.getByLabel('Priorisation à partir du').fill('2027-02-01');
	await page.getByRole('button', { name: 'Créer le groupe' }).click();
	await expect(page.getByRole('alert')).toContainText('Les phases doivent se suivre dans le temps');
	// everything typed is still there, the choice of visibility included
	await expect(page.getByLabel('Description')).toHaveValue(
		'Recenser les besoins des services population.'
	);
	await expect(page.getByRole('radio', { name: 'Les membres seulement' })).toBeChecked();
	await expectAccessible();

	await page.getByLabel('Recueil des besoins à partir du').fill('2027-01-04');
	await page.getByRole('button', { name: 'Créer le groupe' }).click();
	await expect(page).toHaveURL(/\/groupes\/\d+$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Logiciels de gestion des cimetières'
	);
});

test('a buyer edits a working group after creation', async ({
	page,
	loginAs,
	expectAccessible
}) => {
	await loginAs('acheteur@igretec.demo');
	await page.goto('/groupes/1');
	await expectAccessible();
	await page.getByRole('link', { name: /Modifier le groupe/ }).click();
	await expect(page.getByRole('heading', { name: 'Modifier le groupe' })).toBeVisible();
	await expectAccessible();

	// dates out of order are refused with the reason, what was typed stays
	await page.getByLabel('Titre').fill('E-guichet communal');
	await page.getByLabel('Phasage à partir du').fill('2026-10-01');
	await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
	await expect(page.getByRole('alert')).toContainText('Les phases doivent se suivre dans le temps');
	await expect(page.getByLabel('Titre')).toHaveValue('E-guichet communal');
	await expectAccessible();

	await page.getByLabel('Phasage à partir du').fill('2027-01-11');
	await page.getByLabel('Phase en cours').selectOption({ label: 'Phasage' });
	await page.getByRole('checkbox', { name: /Les agents peuvent aussi répartir/ }).check();
	await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
	await expect(page).toHaveURL(/\/groupes\/1\?modifie=1$/);
	await expect(page.getByRole('status')).toContainText(
		'Les modifications du groupe sont enregistrées.'
	);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('E-guichet communal');
	await expect(page.getByText('Phase : Phasage')).toBeVisible();
	await expect(page.getByText('à partir du 11 janvier 2027')).toBeVisible();
});

test('members add, rename and move board columns, live for each other', async ({
	browser,
	server
}) => {
	test.setTimeout(90_000);
	const karim = await loggedIn(browser, server.url, 'referent@charleroi.demo');
	const marc = await loggedIn(browser, server.url, 'referent@mons.demo');
	for (const { page } of [karim, marc]) {
		await page.goto('/groupes/1/tableau');
		await expect(page.locator('[data-status="online"]')).toBeVisible();
	}
	const k = karim.page;
	const columnHeadings = (p: typeof k) => p.locator('.column h2');

	await k.getByLabel('Nouvelle colonne').fill('Validé');
	await k.getByRole('button', { name: 'Ajouter la colonne' }).click();
	await expect(marc.page.getByRole('heading', { name: /^Validé/ })).toBeVisible({ timeout: 2000 });

	await k.getByRole('button', { name: 'Renommer « À trier »' }).click();
	const rename = k.getByLabel('Nouveau nom de la colonne « À trier »');
	await expect(rename).toBeFocused();
	await rename.fill('  ');
	await k.keyboard.press('Enter');
	await expect(k.getByText('Indiquez le nom de la colonne.')).toBeVisible();
	await rename.fill('Idées');
	await k.keyboard.press('Enter');
	await expect(marc.page.getByRole('heading', { name: /^Idées/ })).toBeVisible({ timeout: 2000 });

	// move right with the button, then with Alt+→ from the focused button
	await k.getByRole('button', { name: 'Déplacer « Idées » vers la droite' }).click();
	await expect(columnHeadings(k).nth(1)).toContainText('Idées');
	await expect(k.getByRole('button', { name: 'Déplacer « Idées » vers la droite' })).toBeFocused();
	await k.keyboard.press('Alt+ArrowRight');
	await expect(columnHeadings(k).nth(2)).toContainText('Idées');
	await expect(columnHeadings(marc.page).nth(2)).toContainText('Idées', { timeout: 2000 });
	await expect(k.getByRole('status').filter({ hasText: 'déplacée' })).toContainText(
		'Colonne « Idées » déplacée en position 3 sur 4.'
	);

	// an empty column can be deleted; a column with needs cannot
	await expect(k.getByRole('button', { name: 'Supprimer la colonne « Idées »' })).toHaveCount(0);
	await k.getByRole('button', { name: 'Supprimer la colonne « Validé »' }).click();
	await expect(marc.page.getByRole('heading', { name: /^Validé/ })).toHaveCount(0, {
		timeout: 2000
	});

	// the list view says in which column each need sits
	await expect
		.poll(async () => (await k.request.get('/groupes/1/liste')).text(), { timeout: 10_000 })
		.toMatch(/data-label="Colonne">Idées</);
	await karim.context.close();
	await marc.context.close();
});

test('readers do not see the column tools', async ({ page, loginAs, expectAccessible }) => {
	await loginAs('agent@tournai.demo');
	await page.goto('/groupes/1/tableau');
	await expect(page.getByText('Vous consultez ce tableau en lecture seule')).toBeVisible();
	await expect(page.getByRole('button', { name: /Renommer/ })).toHaveCount(0);
	await expect(page.getByLabel('Nouvelle colonne')).toHaveCount(0);
	await expectAccessible();
});

test('a referent enters the commune’s budget calendar', async ({
	page,
	loginAs,
	expectAccessible
}) => {
	const y = new Date().getUTCFullYear() + 1;
	await loginAs('referent@mons.demo');
	await page.getByRole('link', { name: 'Mes achats' }).click();
	await page
		.getByRole('navigation', { name: 'Pages de la rubrique Mes achats' })
		.getByRole('link', { name: 'Calendrier budgétaire' })
		.click();
	await expect(page.getByRole('heading', { name: 'Calendrier budgétaire — Mons' })).toBeVisible();
	await expectAccessible();
	const year = page.getByRole('region', { name: `Budget ${y}` });
	await expect(year).toContainText('Calendrier par défaut');
	await year.getByText(`Indiquer les dates de la commune pour ${y}`).click();
	await year.getByLabel(`Vote du budget initial ${y}`).fill(`${y - 1}-12-15`);
	await year.getByLabel('Vote de la MB1').fill(`${y - 1}-12-01`);
	await year.getByRole('button', { name: `Enregistrer le calendrier ${y}` }).click();
	await expect(year.getByRole('alert')).toContainText(`La MB1 ${y} se vote pendant l’année ${y}.`);
	await expectAccessible();
	await year.getByLabel('Vote de la MB1').fill(`${y}-05-20`);
	await year.getByRole('button', { name: `Enregistrer le calendrier ${y}` }).click();
	await expect(page.getByRole('status')).toContainText(`Le calendrier budgétaire ${y} de Mons`);
	await expect(year).toContainText('Calendrier de la commune');
	await expect(year).toContainText(`le 20 mai ${y}`);
});

test('a buyer renames and reorders waves', async ({ page, loginAs, expectAccessible }) => {
	await loginAs('acheteur@igretec.demo');
	await page.goto('/groupes/1');
	await page.getByRole('button', { name: 'Passer à « Phasage »' }).click();
	await expect(page.getByText('Phase : Phasage')).toBeVisible();
	await page.goto('/groupes/1/phasage');
	await page.getByLabel('Année de la nouvelle vague').fill('2027');
	for (let i = 0; i < 2; i++) {
		await page.getByRole('button', { name: 'Ajouter une vague' }).click();
		await expect(page.getByRole('heading', { name: `2027 — vague ${i + 1}` })).toBeVisible();
	}
	await expectAccessible();
	await page.locator('summary', { hasText: '2027 — vague 2' }).click();
	await page.getByLabel('Nouveau nom de « 2027 — vague 2 »').fill('2027 — urgences');
	await page.getByRole('button', { name: 'Renommer la vague' }).click();
	await expect(page.getByRole('heading', { name: '2027 — urgences' })).toBeVisible();
	await page.getByRole('button', { name: 'Monter « 2027 — urgences »' }).click();
	await expect(page.locator('.wave-head h4').first()).toHaveText('2027 — urgences');
	await page.getByRole('button', { name: 'Supprimer la vague « 2027 — vague 1 »' }).click();
	await expect(page.getByRole('heading', { name: '2027 — vague 1' })).toHaveCount(0);
});
