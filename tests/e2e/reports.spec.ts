import type { Browser } from '@playwright/test';
import { DEMO_PASSWORD, expect, test } from './fixtures';

async function loggedIn(browser: Browser, baseURL: string, email: string, javaScript = true) {
	const context = await browser.newContext({
		baseURL,
		locale: 'fr-BE',
		javaScriptEnabled: javaScript
	});
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('Adresse e-mail').fill(email);
	await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
	return { context, page };
}

test('two authors write a report live and offline without losing a word; readers see what was published', async ({
	browser,
	server,
	expectAccessible
}) => {
	test.setTimeout(180_000); // three people, two live editors, an offline round trip
	const karim = await loggedIn(browser, server.url, 'referent@charleroi.demo');
	await karim.page.goto('/retours/nouveau');
	await karim.page.getByLabel('Nom de la solution').fill('Guichet citoyen en ligne');
	await karim.page.getByLabel('Fournisseur').fill('Logiciels wallons SA');
	await karim.page.getByRole('button', { name: 'Commencer le retour' }).click();
	await expect(karim.page).toHaveURL(/\/retours\/\d+$/);
	const reportPath = new URL(karim.page.url()).pathname;
	const synced = (p: typeof karim.page) =>
		expect(p.locator('[data-status="synced"]')).toBeVisible();
	await synced(karim.page);

	const chloe = await loggedIn(browser, server.url, 'agent@charleroi.demo');
	await chloe.page.goto(reportPath);
	await synced(chloe.page);
	const karimStory = karim.page.getByLabel('Récit');
	const chloeStory = chloe.page.getByLabel('Récit');

	// live: Karim types, Chloé sees it without reloading; each sees the other is there
	await karimStory.click();
	await karim.page.keyboard.type('Le déploiement a duré trois mois.');
	await expect(chloeStory).toHaveValue('Le déploiement a duré trois mois.');
	await expect(chloe.page.locator('.coauthors')).toContainText('Karim');
	await expect(karim.page.locator('.coauthors')).toContainText('Chloé Dumont');

	// Chloé loses the network; both write in different places of the same field
	await chloe.context.setOffline(true);
	await expect(chloe.page.locator('[data-status="offline"]')).toContainText(
		'vos modifications sont gardées sur cet appareil'
	);
	await chloeStory.click();
	await chloe.page.keyboard.press('Control+End');
	await chloe.page.keyboard.type(' Bravo aux agents.');
	await karimStory.click();
	await karim.page.keyboard.press('Control+Home');
	await karim.page.keyboard.type('Alpha : ');
	await synced(karim.page);
	await chloe.page.waitForTimeout(500);
	await expect(chloeStory).toHaveValue('Le déploiement a duré trois mois. Bravo aux agents.');
	await expect(karimStory).toHaveValue('Alpha : Le déploiement a duré trois mois.');

	// back online: the edits merge, nobody's word is lost
	await chloe.context.setOffline(false);
	const merged = 'Alpha : Le déploiement a duré trois mois. Bravo aux agents.';
	await expect(chloeStory).toHaveValue(merged);
	await expect(karimStory).toHaveValue(merged);
	await synced(chloe.page);

	// ratings are radio groups, shared as well
	const support = (p: typeof karim.page) =>
		p
			.getByRole('group', { name: 'Soutien du fournisseur' })
			.getByRole('radio', { name: '4 sur 5' });
	await support(karim.page).check();
	await expect(support(chloe.page)).toBeChecked();
	await karim.page
		.getByRole('group', { name: /Recommanderiez-vous/ })
		.getByLabel('Oui')
		.check();
	await synced(karim.page);
	await expectAccessible(karim.page);

	// publishing freezes this version for readers; the authors keep writing a draft
	await karim.page.getByRole('button', { name: 'Publier' }).click();
	await expect(karim.page.getByText('Le retour est publié')).toBeVisible();
	await expect(karimStory).toHaveValue(merged);
	await chloeStory.click();
	await chloe.page.keyboard.press('Control+End');
	await chloe.page.keyboard.type(' Brouillon après publication.');
	await synced(chloe.page);
	await expect(karimStory).toHaveValue(`${merged} Brouillon après publication.`);

	const marc = await loggedIn(browser, server.url, 'referent@mons.demo');
	await marc.page.goto(reportPath);
	await expect(marc.page.getByText(merged)).toBeVisible();
	await expect(marc.page.getByText('Brouillon après publication')).toHaveCount(0);
	await expect(marc.page.getByRole('textbox')).toHaveCount(0);
	await expect(marc.page.getByText('Soutien du fournisseur')).toBeVisible();

	// without JavaScript an author reads the draft and is told why there is no editor
	const noScript = await loggedIn(browser, server.url, 'referent@charleroi.demo', false);
	await noScript.page.goto(reportPath);
	await expect(noScript.page.getByText('Brouillon après publication')).toBeVisible();
	await expect(
		noScript.page.getByText('Pour modifier ce retour, activez JavaScript')
	).toBeVisible();

	for (const c of [karim, chloe, marc, noScript]) await c.context.close();
});

test('a draft written offline survives closing the tab and reaches colleagues when its author returns', async ({
	browser,
	server
}) => {
	test.setTimeout(120_000);
	const karim = await loggedIn(browser, server.url, 'referent@charleroi.demo');
	await karim.page.goto('/retours/nouveau');
	await karim.page.getByLabel('Nom de la solution').fill('Logiciel de gestion des salles');
	await karim.page.getByLabel('Fournisseur').fill('Salles & Co');
	await karim.page.getByRole('button', { name: 'Commencer le retour' }).click();
	await expect(karim.page).toHaveURL(/\/retours\/\d+$/);
	const reportPath = new URL(karim.page.url()).pathname;
	await expect(karim.page.locator('[data-status="synced"]')).toBeVisible();

	await karim.context.setOffline(true);
	await expect(karim.page.locator('[data-status="offline"]')).toBeVisible();
	await karim.page.getByLabel('Enseignements').fill('Former les agents avant la mise en service.');
	// logging out now would lose the draft: the portal asks first
	await karim.page.getByRole('button', { name: 'Se déconnecter' }).click();
	const unsent = karim.page.getByRole('dialog', {
		name: 'Des modifications ne sont pas encore envoyées'
	});
	await expect(unsent).toContainText('Un document (tableau ou retour d’expérience)');
	await unsent.getByRole('button', { name: 'Rester connecté' }).click();
	await karim.page.waitForTimeout(500); // closing the tab a moment after typing
	await karim.page.close();
	await karim.context.setOffline(false);

	// the hub never heard of it: a colleague sees an empty field
	const chloe = await loggedIn(browser, server.url, 'agent@charleroi.demo');
	await chloe.page.goto(reportPath);
	await expect(chloe.page.locator('[data-status="synced"]')).toBeVisible();
	const chloeLessons = chloe.page.getByLabel('Enseignements');
	await expect(chloeLessons).toHaveValue('');

	// Karim reopens the report: this device's copy still holds it, and sends it
	const again = await karim.context.newPage();
	await again.goto(reportPath);
	await expect(again.getByLabel('Enseignements')).toHaveValue(
		'Former les agents avant la mise en service.'
	);
	await expect(again.locator('[data-status="synced"]')).toBeVisible();
	await expect(chloeLessons).toHaveValue('Former les agents avant la mise en service.');

	await karim.context.close();
	await chloe.context.close();
});
