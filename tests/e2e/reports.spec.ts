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

test('a co-author removed while writing is told why the editor stopped, and keeps what they typed', async ({
	browser,
	server,
	expectAccessible
}) => {
	test.setTimeout(150_000);
	const karim = await loggedIn(browser, server.url, 'referent@charleroi.demo');
	await karim.page.goto('/retours/nouveau');
	await karim.page.getByLabel('Nom de la solution').fill('Serveur de fichiers partagé');
	await karim.page.getByLabel('Fournisseur').fill('Stockage hennuyer SRL');
	await karim.page.getByRole('button', { name: 'Commencer le retour' }).click();
	await expect(karim.page).toHaveURL(/\/retours\/\d+$/);
	const reportPath = new URL(karim.page.url()).pathname;
	await karim.page.goto(`${reportPath}/auteurs`);
	await karim.page.getByLabel('Adresse e-mail de la personne').fill('referent@mons.demo');
	await karim.page.getByRole('button', { name: 'Inviter' }).click();
	await expect(karim.page.getByRole('button', { name: 'Retirer Marc Delvaux' })).toBeVisible();

	const marc = await loggedIn(browser, server.url, 'referent@mons.demo');
	await marc.page.goto(reportPath);
	await expect(marc.page.locator('[data-status="synced"]')).toBeVisible();
	const story = marc.page.getByLabel('Récit');
	await story.fill('Mons a hébergé le serveur pour deux communes.');
	await expect(marc.page.locator('[data-status="synced"]')).toBeVisible();

	await karim.page.getByRole('button', { name: 'Retirer Marc Delvaux' }).click();
	await expect(karim.page.getByRole('button', { name: 'Retirer Marc Delvaux' })).toHaveCount(0);

	// Marc's page says why, and what he wrote stays in front of him, read-only
	await expect(marc.page.locator('[data-status="refused"]')).toContainText(
		'Vous n’écrivez plus ce retour : la commune vous a retiré des co-auteurs.'
	);
	await expect(story).toHaveValue('Mons a hébergé le serveur pour deux communes.');
	await expect(story).not.toBeEditable();
	await expect(
		marc.page.getByRole('group', { name: 'Soutien du fournisseur' }).getByRole('radio').first()
	).toBeDisabled();
	// and this device keeps its copy of the report
	const reportId = reportPath.split('/').pop();
	const copies = await marc.page.evaluate(async () =>
		(await indexedDB.databases()).map((d) => d.name)
	);
	expect(copies).toContainEqual(expect.stringMatching(new RegExp(`^report:${reportId}@\\d+$`)));
	await expectAccessible(marc.page);

	// an author whose session ends elsewhere (logged out in another tab) is told to log in again
	const chloe = await loggedIn(browser, server.url, 'agent@charleroi.demo');
	await chloe.page.goto(reportPath);
	await expect(chloe.page.locator('[data-status="synced"]')).toBeVisible();
	const otherTab = await chloe.context.newPage();
	await otherTab.goto('/');
	await otherTab.getByRole('button', { name: 'Se déconnecter' }).click();
	await expect(chloe.page.locator('[data-status="refused"]')).toContainText(
		'Votre session a pris fin : reconnectez-vous ; vos modifications restent sur cet appareil.'
	);
	await expect(chloe.page.getByLabel('Récit')).not.toBeEditable();

	for (const c of [karim, marc, chloe]) await c.context.close();
});

test('a report never opened on this device says so offline, shows the draft, and opens once back online', async ({
	browser,
	server
}) => {
	test.setTimeout(120_000);
	const karim = await loggedIn(browser, server.url, 'referent@charleroi.demo');
	await karim.page.goto('/retours/nouveau');
	await karim.page.getByLabel('Nom de la solution').fill('Gestion des cimetières');
	await karim.page.getByLabel('Fournisseur').fill('Concessions numériques SA');
	await karim.page.getByRole('button', { name: 'Commencer le retour' }).click();
	await expect(karim.page).toHaveURL(/\/retours\/\d+$/);
	const reportPath = new URL(karim.page.url()).pathname;
	await karim.page.getByLabel('Récit').fill('Les plans des cimetières ont été numérisés.');
	await expect(karim.page.locator('[data-status="synced"]')).toBeVisible();

	// Chloé has the app on this device, but has never opened this report here
	const chloe = await loggedIn(browser, server.url, 'agent@charleroi.demo');
	await chloe.page.goto(`${reportPath}/auteurs`);
	await chloe.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await chloe.page.reload();
	// the link's page is fetched on hover; the network drops before the click
	const link = chloe.page
		.getByRole('navigation', { name: "Fil d'Ariane" })
		.getByRole('link', { name: 'Gestion des cimetières' });
	const preloaded = chloe.page.waitForResponse((r) => r.url().includes('__data.json'));
	await link.hover();
	await preloaded;
	await chloe.context.setOffline(true);
	await link.click();
	await expect(chloe.page).toHaveURL(reportPath);
	await expect(chloe.page.locator('[data-status="waiting"]')).toContainText(
		'ce retour n’a pas encore été ouvert sur cet appareil ; il s’ouvrira dès le retour de la connexion.'
	);
	await expect(chloe.page.getByText('Les plans des cimetières ont été numérisés.')).toBeVisible();
	await expect(chloe.page.getByRole('textbox')).toHaveCount(0);

	await chloe.context.setOffline(false);
	await expect(chloe.page.locator('[data-status="synced"]')).toBeVisible();
	await expect(chloe.page.getByLabel('Récit')).toHaveValue(
		'Les plans des cimetières ont été numérisés.'
	);

	await karim.context.close();
	await chloe.context.close();
});
