import { expect, test } from './fixtures';

test('an admin changes a role and reads the outbox; every admin page is accessible', async ({
	page,
	loginAs,
	expectAccessible
}) => {
	await loginAs('admin@centrale.demo');
	await page.getByRole('link', { name: 'Administration' }).click();
	await expect(page.getByRole('heading', { name: 'Personnes' })).toBeVisible();
	await expectAccessible();

	await page.getByLabel('Rôle de Chloé Dumont').selectOption('referent');
	await page.getByRole('button', { name: 'Changer le rôle de Chloé Dumont' }).click();
	await expect(page.getByRole('status')).toContainText(
		'Chloé Dumont est maintenant référent communal'
	);

	await page.getByRole('link', { name: 'Organisations' }).click();
	await expectAccessible();
	await page.getByLabel('Nom', { exact: true }).fill('CPAS de Charleroi');
	await page.getByLabel('Type').selectOption('cpas');
	await page.getByRole('button', { name: 'Ajouter' }).click();
	await expect(page.getByRole('status')).toContainText('CPAS de Charleroi a été ajoutée');
	await page.getByLabel('Nom', { exact: true }).fill('CPAS de Charleroi');
	await page.getByRole('button', { name: 'Ajouter' }).click();
	await expect(page.getByRole('alert')).toContainText('Une organisation porte déjà ce nom');

	await page.getByRole('link', { name: 'Courriels envoyés' }).click();
	await expectAccessible();
	await page.getByRole('link', { name: "Journal d'audit" }).click();
	await expect(page.getByRole('cell', { name: 'Rôle modifié user.roleChanged' })).toBeVisible();
	await expectAccessible();
});

test('account page: change password, then the old one no longer works', async ({
	page,
	loginAs,
	expectAccessible
}) => {
	await loginAs('referent@mons.demo');
	await page.goto('/compte');
	await expectAccessible();
	await page.getByLabel('Mot de passe actuel').fill('pas le bon');
	await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('une phrase bien longue');
	await page.getByLabel('Confirmer le nouveau mot de passe').fill('une phrase bien longue');
	await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
	await expect(page.getByRole('alert')).toContainText('Le mot de passe actuel est incorrect.');

	await page.getByLabel('Mot de passe actuel').fill('centrale-demo');
	await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('une phrase bien longue');
	await page.getByLabel('Confirmer le nouveau mot de passe').fill('une phrase bien longue');
	await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
	await expect(page.getByRole('status')).toContainText('Votre mot de passe a été modifié');
	await expectAccessible();
});

test('keyboard: the skip link reaches the content and focus is visible', async ({ page }) => {
	await page.goto('/annuaire');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Aller au contenu' });
	await expect(skip).toBeFocused();
	await expect(skip).toBeInViewport();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#contenu$/);
});
