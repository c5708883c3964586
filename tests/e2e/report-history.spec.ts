import { FixtureDb } from '../support/db';
import { seedReportWithHistory } from '../support/report-history';
import { expect, test } from './fixtures';

test('authors browse the versions, who wrote what and a diff; the public reads it anonymised', async ({
	page,
	server,
	loginAs,
	expectAccessible
}) => {
	const db = new FixtureDb(server.dataDir);
	const reportId = seedReportWithHistory(db, {
		commune: 'charleroi',
		first: 'referent@charleroi.demo',
		second: 'agent@charleroi.demo',
		title: 'Gestion des cimetières'
	});
	db.close();

	await loginAs('referent@charleroi.demo');
	await page.goto(`/retours/${reportId}`);
	await page.getByRole('link', { name: 'Historique des versions' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Historique des versions' })
	).toBeVisible();
	const versions = page.getByRole('region', { name: 'Versions du brouillon' });
	await expect(versions.getByRole('row')).toHaveCount(4);
	await expect(versions.getByRole('cell', { name: 'Chloé Dumont' })).toBeVisible();
	await expect(versions.getByRole('cell', { name: 'Centrale' })).toBeVisible();
	const attribution = page.getByRole('region', { name: 'Qui a écrit quoi' });
	await expect(attribution.getByText('Le support a été remarquable.')).toBeVisible();
	await expectAccessible();

	await page.getByLabel('Comparer la version').selectOption('1');
	await page.getByLabel('avec la version').selectOption('3');
	await page.getByRole('button', { name: 'Comparer' }).click();
	await expect(page).toHaveURL(/comparer\?de=1&a=3/);
	await expect(page.getByText('Facilité de déploiement : sans note → 4/5')).toBeVisible();
	await expect(page.getByRole('region', { name: 'Récit' }).locator('ins')).toContainText(
		'Le déploiement a pris trois mois.'
	);
	await expectAccessible();

	await page.goto(`/retours/${reportId}/versions/comparer?de=2&a=3`);
	await expect(page.getByText('Facilité de déploiement : 3/5 → 4/5')).toBeVisible();
	await expect(page.getByRole('region', { name: 'Récit' }).locator('ins')).toContainText(
		'Le support a été remarquable.'
	);

	// publish to the public, unnamed; a visitor reads it without the commune's name
	await page.goto(`/retours/${reportId}`);
	await page.getByLabel('Tout le monde (public), sans connexion').check();
	await expect(page.getByLabel('Nommer notre commune pour le public')).not.toBeChecked();
	await expectAccessible();
	await page.getByRole('button', { name: 'Publier', exact: true }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'tout le monde peut lire' })
	).toBeVisible();

	await page.getByRole('button', { name: 'Se déconnecter' }).click();
	await expect(page.getByRole('banner').getByRole('link', { name: 'Se connecter' })).toBeVisible();
	await page.goto(`/retours/${reportId}`);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Gestion des cimetières' })
	).toBeVisible();
	await expect(page.getByText('une commune de la province de Hainaut')).toBeVisible();
	await expect(page.getByText('Le support a été remarquable.')).toBeVisible();
	await expectAccessible();

	// a buyer replies under it; the public reads the reply
	await loginAs('acheteur@idea.demo');
	await page.goto(`/retours/${reportId}`);
	await page
		.getByLabel('Réponse (action corrective du fournisseur, relance…)')
		.fill('Le fournisseur a ajouté une journée de formation.');
	await page.getByRole('button', { name: 'Publier la réponse' }).click();
	await expect(page.getByRole('status')).toContainText('Votre réponse est publiée');
	await expect(
		page.getByRole('region', { name: 'Réponses de la centrale' }).getByRole('article')
	).toContainText('Le fournisseur a ajouté une journée de formation.');
	await expectAccessible();
});
