import { startServer } from '../support/server';
import { expect, test as base } from './fixtures';

// the server's today is 7 December 2026: the MB2 2026 and the initial budget 2027 are past
const TODAY = Date.parse('2026-12-07T10:00:00Z');
const test = base.extend({
	server: async ({ smtp }, use) => {
		const server = await startServer({
			env: { SMTP_URL: smtp.url, CLOCK_OFFSET_MS: String(TODAY - Date.now()) }
		});
		await use(server);
		await server.stop();
	}
});
test.describe.configure({ timeout: 120_000 });

test('a referent plans a purchase: too late for MB2, MB1 next year works', async ({
	page,
	loginAs,
	expectAccessible
}, testInfo) => {
	await loginAs('referent@mons.demo');
	await page.goto('/catalogue/IGR-2025-EGU-01');
	await page.getByRole('link', { name: "Ajouter à mon plan d'achats" }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(
		"Ajouter à mon plan d'achats"
	);
	await expectAccessible();

	const lot = page.getByRole('form', { name: /Lot 1/ });
	await lot
		.getByLabel('Quantité : Abonnement guichet en ligne — commune ≥ 20 000 habitants')
		.fill('1');
	await lot.getByLabel('Quantité : Paramétrage des formulaires').fill('12,345');
	await lot.getByLabel('Mois').selectOption('12');
	await lot.getByLabel('Année').fill('2026');
	await lot.getByRole('button', { name: 'Ajouter le lot 1 à mon plan' }).click();
	// a bad quantity: a clear message, and what was typed is still there
	await expect(page.getByRole('alert')).toContainText('au plus deux décimales');
	await expect(
		page.getByLabel('Quantité : Abonnement guichet en ligne — commune ≥ 20 000 habitants').first()
	).toHaveValue('1');

	await lot.getByLabel('Quantité : Paramétrage des formulaires').fill('12,5');
	await lot.getByRole('button', { name: 'Ajouter le lot 1 à mon plan' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText("Plan d'achats de Mons");
	await expect(page.getByRole('status')).toContainText('Intention ajoutée');
	await expect(
		page.getByText(
			'Trop tard pour la MB2 2026 : la demande devait être prête avant le 21 juillet 2026.'
		)
	).toBeVisible();
	await expect(
		page.getByText('Première date possible : juillet 2027, par la MB1 2027').first()
	).toBeVisible();
	await expect(page.getByRole('heading', { name: 'À faire maintenant' })).toBeVisible();
	await expect(
		page.getByRole('table', { name: 'Dépenses estimées par exercice et par service (HTVA)' })
	).toBeVisible();
	await expectAccessible();
	await page.screenshot({ path: testInfo.outputPath('plan.png'), fullPage: true });

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Exporter pour le directeur financier (Excel)' }).click();
	expect((await download).suggestedFilename()).toBe('plan-achats-mons.xlsx');
	const csv = page.waitForEvent('download');
	await page.getByRole('link', { name: 'CSV', exact: true }).click();
	expect((await csv).suggestedFilename()).toBe('plan-achats-mons.csv');
});

test('a referent downloads the fiche and the deliberation, records the adhesion, then orders', async ({
	page,
	loginAs,
	expectAccessible
}) => {
	await loginAs('referent@charleroi.demo');
	await page.goto('/plan-achats');
	const card = page.locator('article', {
		has: page.getByRole('heading', { name: /Gestion des courriers et des délibérations/ })
	});
	const fiche = page.waitForEvent('download');
	await card.getByRole('link', { name: 'Télécharger (.docx) — Fiche budgétaire' }).click();
	expect((await fiche).suggestedFilename()).toBe(
		'fiche-budgetaire-IMIO-2024-DEL-03-charleroi.docx'
	);
	const deliberation = page.waitForEvent('download');
	await card
		.getByRole('link', {
			name: /Télécharger \(.docx\) — Délibération du collège : adhésion au marché/
		})
		.click();
	expect((await deliberation).suggestedFilename()).toBe(
		'deliberation-commande-IMIO-2024-DEL-03-charleroi.docx'
	);
	await card
		.getByRole('link', {
			name: /Version imprimable — Délibération du collège : adhésion au marché/
		})
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(
		'Collège communal de Charleroi — Adhésion au marché IMIO-2024-DEL-03 et commande'
	);
	await expect(page.getByText(/^Considérant que/).first()).toBeVisible();
	await expectAccessible();
	await page.goBack();

	await card.getByLabel('Décision', { exact: true }).selectOption({ label: 'Adhésion au marché' });
	await card.getByLabel('Date de la décision').fill('2026-12-03');
	await card.getByLabel('Référence').fill('COL/2026/901');
	await card.getByRole('button', { name: 'Enregistrer la décision' }).click();
	await expect(page.getByRole('status')).toContainText('Décision enregistrée.');
	await expect(card.getByText('décision du 3 décembre 2026 (COL/2026/901)')).toBeVisible();
	await expectAccessible();

	// the adhesion form reuses what was recorded
	await page.goto('/catalogue/IMIO-2024-DEL-03');
	await expect(page.getByLabel('Référence de la décision du collège')).toHaveValue('COL/2026/901');
	await expect(page.getByLabel('Date de la décision')).toHaveValue('2026-12-03');
	await page.getByRole('button', { name: "Enregistrer l'adhésion" }).click();
	await expect(page.getByText('Adhésion enregistrée')).toBeVisible();
	await page.getByRole('link', { name: 'Passer une commande' }).click();
	await page.getByLabel('Quantité : Licence annuelle courrier et délibérations').fill('1');
	await page.getByLabel('Article budgétaire').fill('104/123-13');
	await page.getByRole('button', { name: 'Envoyer la commande du lot 1' }).click();
	await expect(page.getByRole('heading', { name: /Bon de commande n° \d+/ })).toBeVisible();
	await expectAccessible();
});
