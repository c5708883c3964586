import { linkIn } from '../support/smtp';
import { expect, test } from './fixtures';

test('logs in and out', async ({ page, loginAs, expectAccessible }) => {
	await page.goto('/login');
	await expectAccessible();
	await loginAs('referent@charleroi.demo');
	await expect(page.getByRole('link', { name: /Karim Benali/ })).toBeVisible();
	await page.getByRole('button', { name: 'Se déconnecter' }).click();
	await expect(page.getByRole('banner').getByRole('link', { name: 'Se connecter' })).toBeVisible();
});

test('a wrong password gets one calm message', async ({ page, expectAccessible }) => {
	await page.goto('/login');
	await page.getByLabel('Adresse e-mail').fill('agent@tournai.demo');
	await page.getByLabel('Mot de passe', { exact: true }).fill('pas-le-bon-mot');
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page.getByRole('alert')).toContainText('Adresse e-mail ou mot de passe incorrect.');
	await expect(page.getByLabel('Adresse e-mail')).toHaveValue('agent@tournai.demo');
	await expectAccessible();
});

test('what is typed before the page has loaded its script is kept', async ({
	page,
	holdScripts
}) => {
	const scripts = await holdScripts();
	await page.goto('/login', { waitUntil: 'domcontentloaded' });
	await page.getByLabel('Adresse e-mail').fill('referent@mons.demo');
	await scripts.release();
	await page.getByLabel('Mot de passe', { exact: true }).fill('pas-le-bon-mot');
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page.getByRole('alert')).toContainText('incorrect');
	await expect(page.getByLabel('Adresse e-mail')).toHaveValue('referent@mons.demo');
});

test('slows a guesser down, and lets a browser that signed in before back in', async ({
	page,
	browser,
	baseURL,
	loginAs,
	expectAccessible
}) => {
	// Marc signs in on his own browser, then leaves
	await loginAs('referent@mons.demo');
	await page.getByRole('button', { name: 'Se déconnecter' }).click();

	// someone else, on another browser, guesses his password
	const context = await browser.newContext({ baseURL });
	const guesser = await context.newPage();
	for (let i = 0; i < 5; i++) {
		await guesser.goto('/login');
		await guesser.getByLabel('Adresse e-mail').fill('referent@mons.demo');
		await guesser.getByLabel('Mot de passe', { exact: true }).fill(`mauvais-${i}-essai`);
		await guesser.getByRole('button', { name: 'Se connecter' }).click();
		await expect(guesser.getByRole('alert')).toContainText('incorrect');
	}
	// from there on, even the right password waits, and the page says how long
	await guesser.getByLabel('Mot de passe', { exact: true }).fill('centrale-demo');
	await guesser.getByRole('button', { name: 'Se connecter' }).click();
	// 30 seconds after the last failure: what is left of them when the page answers
	await expect(guesser.getByRole('alert')).toContainText(
		/Trop de tentatives de connexion pour ce compte\. Par sécurité, réessayez dans ([1-2]?[0-9]|30) secondes\./
	);
	await expect(guesser.getByRole('button', { name: 'Se déconnecter' })).toHaveCount(0);
	await expectAccessible(guesser);
	await context.close();

	// Marc's browser is one the account knows: he is not kept out
	await loginAs('referent@mons.demo');
});

test('resets a forgotten password through the emailed link', async ({
	page,
	smtp,
	expectAccessible
}) => {
	await page.goto('/mot-de-passe-oublie');
	await expectAccessible();
	await page.getByLabel('Adresse e-mail').fill('agent@charleroi.demo');
	await page.getByRole('button', { name: 'Envoyer le lien' }).click();
	await expect(page.getByRole('status')).toContainText('Si un compte existe');

	const mail = await smtp.waitFor('agent@charleroi.demo', /réinitialiser/);
	const link = new URL(linkIn(mail, '/reinitialiser/'));
	await page.goto(link.pathname);
	await expectAccessible();
	await page.getByLabel('Nouveau mot de passe').fill('un nouveau mot de passe');
	await page.getByLabel('Confirmer le mot de passe').fill('un nouveau mot de passe');
	await page.getByRole('button', { name: 'Enregistrer et me connecter' }).click();
	await expect(page.getByRole('heading', { name: 'Mon compte' })).toBeVisible();

	// the link is single use
	await page.goto(link.pathname);
	await expect(page.getByText("n'est plus valable")).toBeVisible();
});

test('an invited agent activates the account from the emailed link', async ({
	page,
	smtp,
	loginAs,
	expectAccessible,
	browser,
	baseURL
}) => {
	await loginAs('referent@charleroi.demo');
	await page.goto('/inviter');
	await expectAccessible();
	await page.getByLabel('Nom et prénom').fill('Julie Martin');
	await page.getByLabel('Adresse e-mail').fill('julie.martin@charleroi.be');
	await page.getByRole('button', { name: "Envoyer l'invitation" }).click();
	await expect(page.getByRole('status')).toContainText('Invitation envoyée');

	const mail = await smtp.waitFor('julie.martin@charleroi.be', /invite/);
	const link = new URL(linkIn(mail, '/invitation/'));
	const context = await browser.newContext({ baseURL });
	const invited = await context.newPage();
	await invited.goto(link.pathname);
	await expect(invited.getByText('Charleroi', { exact: true })).toBeVisible();
	await invited.getByLabel('Mot de passe', { exact: true }).fill('mon mot de passe sûr');
	await invited.getByLabel('Confirmer le mot de passe').fill('mon mot de passe sûr');
	await invited.getByRole('button', { name: 'Activer mon compte' }).click();
	await expect(invited.getByRole('link', { name: /Julie Martin/ })).toBeVisible();
	await context.close();
});
