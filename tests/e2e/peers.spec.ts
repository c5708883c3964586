import { expect, test } from './fixtures';

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;

test('a commune declares a solution it uses, with contact consent', async ({
	page,
	loginAs,
	expectAccessible
}) => {
	await loginAs('agent@tournai.demo');
	await page
		.getByRole('navigation', { name: 'Navigation principale' })
		.getByRole('link', { name: 'Entre communes' })
		.click();
	await page
		.getByRole('navigation', { name: 'Pages de la rubrique Entre communes' })
		.getByRole('link', { name: 'Qui utilise quoi ?' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Qui utilise quoi ?' })).toBeVisible();
	await expectAccessible();
	await page.getByRole('link', { name: 'Déclarer ce que ma commune utilise' }).click();
	const add = page.getByRole('region', { name: 'Ajouter une solution' });
	await add.getByLabel('Nom de la solution').fill('Gestion des salles');
	await add.getByLabel('Fournisseur').fill('Réserva SRL');
	await add.getByLabel('Logiciel').check();
	await add.getByLabel('Depuis (AAAA-MM)').fill('2023-09');
	await add.getByLabel('Les agents de la commune').check();
	await expectAccessible();
	await add.getByRole('button', { name: 'Ajouter' }).click();
	await expect(page.getByRole('status')).toContainText('Gestion des salles');

	await page.goto('/qui-utilise-quoi?q=reserva');
	await expect(page.getByRole('heading', { name: 'Gestion des salles' })).toBeVisible();
	await expect(page.getByRole('cell', { name: 'Tournai' })).toBeVisible();
});

test('a member writes to the users of a solution and the mail arrives without any address', async ({
	page,
	smtp,
	loginAs,
	expectAccessible
}) => {
	await loginAs('referent@mons.demo');
	await page.goto('/qui-utilise-quoi?fournisseur=Civadis');
	await page
		.getByRole('link', {
			name: 'Écrire aux utilisateurs de Logiciel de gestion de la population à Tournai'
		})
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('à Tournai');
	await expectAccessible();
	await page
		.getByLabel('Votre message')
		.fill('Bonjour, comment se passe la migration vers Saphir ?');
	await page.getByRole('button', { name: 'Envoyer' }).click();
	await expect(page.getByRole('status')).toContainText('Message envoyé');
	await expectAccessible();
	expect(await page.content()).not.toContain('tournai.demo');

	const mail = await smtp.waitFor('agent@tournai.demo', /Marc Delvaux/);
	expect(mail.text).toContain('migration vers Saphir');
	expect(mail.text).not.toMatch(EMAIL);
});

test('a commune registers its participants to a rencontre', async ({
	page,
	loginAs,
	expectAccessible
}) => {
	await loginAs('agent@charleroi.demo');
	await page
		.getByRole('navigation', { name: 'Navigation principale' })
		.getByRole('link', { name: 'Entre communes' })
		.click();
	await page
		.getByRole('navigation', { name: 'Pages de la rubrique Entre communes' })
		.getByRole('link', { name: 'Rencontres' })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Rencontres');
	await expectAccessible();
	await page.getByRole('link', { name: 'Club des utilisateurs du guichet citoyen' }).click();
	await expect(page.getByText('30 au total, 27 libres')).toBeVisible();
	await page.getByLabel('Nombre de participants de votre organisation').fill('2');
	await page.getByRole('button', { name: "S'inscrire" }).click();
	await expect(page.getByRole('status')).toContainText('2 participants inscrits pour Charleroi');
	await expect(page.getByText('30 au total, 25 libres')).toBeVisible();
	await expect(
		page
			.getByRole('region', { name: /Organisations inscrites/ })
			.getByRole('link', { name: 'Charleroi', exact: true })
	).toBeVisible();
	await expectAccessible();
});

test('an organiser moves a rencontre, then cancels it, and the registered commune hears of both', async ({
	page,
	smtp,
	loginAs,
	expectAccessible
}) => {
	await loginAs('acheteur@igretec.demo');
	await page.goto('/rencontres');
	await page.getByRole('link', { name: 'Club des utilisateurs du guichet citoyen' }).click();
	await page.getByRole('link', { name: 'Modifier la rencontre' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Modifier la rencontre');
	await expect(page.getByLabel('Intitulé')).toHaveValue('Club des utilisateurs du guichet citoyen');
	await expect(page.getByLabel('Heure de début')).toHaveValue('09:30');
	await expectAccessible();

	// Mons holds 3 places
	await page.getByLabel('Places').fill('2');
	await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
	await expect(page.getByText('3 places sont déjà prises : ').first()).toBeVisible();
	await expectAccessible();
	await page.getByLabel('Places').fill('30');
	await page.getByLabel('Lieu').fill('IGRETEC, salle du conseil, 6000 Charleroi');
	await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
	await expect(page.getByText('IGRETEC, salle du conseil, 6000 Charleroi')).toBeVisible();
	await expect(page.getByRole('status')).toHaveText(
		'Rencontre modifiée. 1 personne inscrite prévenue.'
	);
	const moved = await smtp.waitFor('referent@mons.demo', /Rencontre modifiée/);
	expect(moved.text).toContain('IGRETEC, salle du conseil');

	await page.locator('summary', { hasText: 'Annuler la rencontre' }).click();
	await page.getByLabel('Motif (facultatif)').fill('Le fournisseur ne peut pas venir.');
	await page.getByLabel("Je confirme l'annulation de cette rencontre").check();
	await expectAccessible();
	await page.getByRole('button', { name: 'Annuler la rencontre' }).click();
	await expect(page.getByRole('status')).toContainText('Rencontre annulée');
	await expect(page.getByText('Annulée', { exact: true })).toBeVisible();
	await expect(page.getByText('Les inscriptions sont closes.')).toBeVisible();
	await expectAccessible();
	const cancelled = await smtp.waitFor('referent@mons.demo', /Rencontre annulée/);
	expect(cancelled.text).toContain('Le fournisseur ne peut pas venir.');

	await page.goto('/rencontres');
	await expect(
		page.getByRole('listitem').filter({ hasText: 'Club des utilisateurs' }).getByText('Annulée')
	).toBeVisible();
});
