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

test('a buyer publishes with acknowledgement, a referent acknowledges from the inbox, the buyer sees who has not', async ({
	page,
	browser,
	server,
	smtp,
	loginAs,
	expectAccessible
}) => {
	await loginAs('acheteur@igretec.demo');
	await page.goto('/gestion/annonces/nouvelle');
	await expectAccessible();
	await page.getByLabel("Type d'annonce").selectOption({ label: 'Relance de marché' });
	await page.getByLabel('Titre').fill('Relance du marché de téléphonie');
	await page.getByLabel("Texte de l'annonce").fill('Une **nouvelle adhésion** sera nécessaire.');
	await page.getByRole('radio', { name: 'Une liste choisie de communes' }).check();
	await page.getByText('Liste choisie : cochez les communes').click();
	await page.getByRole('checkbox', { name: 'Charleroi', exact: true }).check();
	await page.getByRole('checkbox', { name: 'Seneffe', exact: true }).check();
	await page.getByRole('checkbox', { name: /Accusé de lecture requis/ }).check();
	await page.getByRole('button', { name: 'Vérifier le public' }).click();
	await expect(page.getByRole('status')).toContainText('Cette annonce sera envoyée à 2 communes');
	// nothing typed is lost by the check
	await expect(page.getByLabel('Titre')).toHaveValue('Relance du marché de téléphonie');
	await expectAccessible();
	await page.screenshot({ path: 'test-results/relay-new-announcement.png', fullPage: true });
	await page.getByRole('button', { name: 'Publier pour 2 communes' }).click();
	await expect(page).toHaveURL(/\/gestion\/annonces\/\d+\?publiee=1$/);
	await expect(page.getByRole('status')).toContainText("L'annonce est publiée");

	const mail = await smtp.waitFor('referent@seneffe.demo', /Relance du marché de téléphonie/);
	expect(mail.text).toContain('Accusé de lecture requis');

	const referent = await loggedIn(browser, server.url, 'referent@charleroi.demo');
	await referent.page.goto('/notifications');
	const pinned = referent.page.getByRole('region', {
		name: 'À accuser réception pour votre commune'
	});
	await pinned.getByRole('link', { name: 'Relance du marché de téléphonie' }).click();
	await expect(referent.page.getByRole('heading', { level: 1 })).toHaveText(
		'Relance du marché de téléphonie'
	);
	await expectAccessible(referent.page);
	await referent.page
		.getByRole('button', { name: "J'ai lu : accuser réception pour ma commune" })
		.click();
	await expect(referent.page.getByRole('status')).toContainText('la réception est confirmée');
	await referent.page.goto('/notifications');
	await expect(referent.page.getByText('À accuser réception pour votre commune')).toHaveCount(0);
	await referent.context.close();

	await page.reload();
	const row = (name: string) => page.getByRole('row').filter({ hasText: name });
	await expect(row('Charleroi')).toContainText('Accusé de lecture');
	await expect(row('Seneffe')).toContainText('Pas encore ouverte');
	await expect(page.getByText(/1\s+sur 2 communes ont accusé réception/)).toBeVisible();
	await expectAccessible();
	await page.screenshot({ path: 'test-results/relay-receipts.png', fullPage: true });
});
