import { expect, test } from './fixtures';

test('a buyer edits the fiche budgétaire: refused placeholder, new version, older one readable', async ({
	page,
	loginAs,
	expectAccessible
}, testInfo) => {
	await loginAs('acheteur@igretec.demo');
	await page.goto('/gestion');
	await page.getByRole('link', { name: 'Modèles de documents' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Modèles de documents');
	await expectAccessible();
	await page.getByRole('link', { name: 'Fiche budgétaire' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fiche budgétaire');
	await expect(page.getByText('Pouvoir local : Commune exemple (INS 99999)')).toBeVisible();
	await expectAccessible();

	const text = page.getByLabel('Texte du modèle');
	await text.fill('# Fiche de {commune}\nTotal : {montant}');
	await page.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
	await expect(page.getByRole('alert')).toContainText('Champ inconnu : {montant}');
	await expect(page.getByRole('alert')).toContainText('Champs valides : {commune}');
	await expect(text).toHaveValue('# Fiche de {commune}\nTotal : {montant}');
	await expectAccessible();

	await text.fill('# Fiche de {commune}\nTotal : {montantHtva} HTVA');
	await page.getByRole('button', { name: 'Aperçu' }).click();
	await expect(
		page.getByText('Aperçu avec une commune exemple (texte non enregistré)')
	).toBeVisible();
	await expect(page.getByText('Total : 3 600,00 € HTVA')).toBeVisible();
	await page.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
	await expect(page.getByRole('status')).toHaveText('Version 1 enregistrée.');
	await expect(
		page.getByRole('heading', { name: /Texte — version 1 \(en vigueur\)/ })
	).toBeVisible();
	await page.screenshot({ path: testInfo.outputPath('template-editor.png'), fullPage: true });

	await page.getByRole('link', { name: 'version 0 (texte par défaut)' }).click();
	await expect(page.getByText('Vous lisez une ancienne version.')).toBeVisible();
	await expect(text).toHaveValue(/article à confirmer par le directeur financier/);
	await expectAccessible();
});

test('a commune referent cannot open the templates', async ({ page, loginAs }) => {
	await loginAs('referent@mons.demo');
	const res = await page.goto('/gestion/modeles/fiche-budgetaire');
	expect(res?.status()).toBe(403);
});
