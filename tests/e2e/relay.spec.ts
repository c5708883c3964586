import type { Browser } from '@playwright/test';
import { linkIn } from '../support/smtp';
import { DEMO_PASSWORD, expect, test } from './fixtures';

// each test publishes through the whole form and logs in twice: longer than the default on 2 cores
test.describe.configure({ timeout: 180_000 });

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

test('a person unsubscribes from a mail link without logging in, then changes preferences', async ({
	page,
	browser,
	server,
	smtp,
	loginAs,
	expectAccessible
}) => {
	const buyer = await loggedIn(browser, server.url, 'acheteur@idea.demo');
	await buyer.page.goto('/gestion/annonces/nouvelle');
	await buyer.page.getByLabel('Titre').fill('Matinée sur les logiciels de population');
	await buyer.page.getByLabel("Texte de l'annonce").fill('Inscriptions ouvertes.');
	await buyer.page.getByRole('radio', { name: 'Une liste choisie de communes' }).check();
	await buyer.page.getByText('Liste choisie : cochez les communes').click();
	await buyer.page.getByRole('checkbox', { name: 'Mons', exact: true }).check();
	await buyer.page.getByRole('button', { name: 'Vérifier le public' }).click();
	await buyer.page.getByRole('button', { name: 'Publier pour 1 commune' }).click();
	await expect(buyer.page).toHaveURL(/publiee=1$/);
	await buyer.context.close();

	const mail = await smtp.waitFor('referent@mons.demo', /Matinée sur les logiciels/);
	expect(mail.raw).toMatch(/^List-Unsubscribe:\s*<http:\/\/[^>]+\/desabonnement\//m);
	const link = linkIn(mail, '/desabonnement/');
	await page.goto(link.replace(/^https?:\/\/[^/]+/, ''));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Se désabonner des courriels');
	await expectAccessible();
	await page.getByRole('button', { name: 'Me désabonner de ces courriels' }).click();
	await expect(page.getByRole('status')).toContainText('ne recevra plus de courriels');
	// a wrong token is a plain 404
	expect((await page.request.get('/desabonnement/faux-jeton/announcement')).status()).toBe(404);

	await loginAs('referent@mons.demo');
	await page.goto('/compte/notifications');
	const announcements = page.getByRole('group', { name: 'Annonces des centrales' });
	await expect(
		announcements.getByRole('radio', { name: 'Dans le portail uniquement' })
	).toBeChecked();
	await expectAccessible();
	await announcements.getByRole('radio', { name: 'Résumé hebdomadaire' }).check();
	await page
		.getByRole('group', { name: 'Groupes de travail' })
		.getByRole('radio', { name: 'Courriel immédiat' })
		.check();
	await page.getByRole('button', { name: 'Enregistrer mes préférences' }).click();
	await expect(page.getByRole('status')).toContainText('Vos préférences sont enregistrées');
	await page.reload();
	await expect(announcements.getByRole('radio', { name: 'Résumé hebdomadaire' })).toBeChecked();
	await expect(
		page
			.getByRole('group', { name: 'Groupes de travail' })
			.getByRole('radio', { name: 'Courriel immédiat' })
	).toBeChecked();
	await page.screenshot({ path: 'test-results/relay-preferences.png', fullPage: true });
});

test('a member follows a contract in one click, finds it in « Mes suivis » and unfollows it there', async ({
	page,
	loginAs,
	expectAccessible
}) => {
	await loginAs('agent@tournai.demo');
	await page.goto('/catalogue/IDEA-2026-SAL-01');
	const follow = page.getByRole('button', { name: 'Suivre ce marché', exact: true });
	await expect(follow).toBeVisible();
	await follow.click();
	await expect(page.getByRole('button', { name: 'Ne plus suivre ce marché' })).toBeVisible();
	await expectAccessible();
	await page.screenshot({ path: 'test-results/relay-follow.png', fullPage: false });

	await page.getByRole('link', { name: 'Mes suivis' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes suivis');
	const item = page
		.getByRole('listitem')
		.filter({ hasText: 'Gestion des salles et réservations en ligne' });
	await expect(item).toHaveCount(1);
	await expectAccessible();
	await item.getByRole('button', { name: /^Ne plus suivre/ }).click();
	await expect(page.getByText('Vous ne suivez encore rien.')).toBeVisible();

	await page.goto('/catalogue/IDEA-2026-SAL-01');
	await expect(page.getByRole('button', { name: 'Suivre ce marché', exact: true })).toBeVisible();
});
