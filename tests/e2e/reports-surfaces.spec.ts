import { expect, test } from './fixtures';

// each test starts its own server with demo data; the machine is shared, so allow for slowness
test.describe.configure({ timeout: 120_000 });

test('a visitor reads what communes say of a contract, and a commune that adhered writes its own', async ({
	page,
	loginAs,
	expectAccessible
}) => {
	await page.goto('/catalogue/IGR-2025-EGU-01');
	const reports = page.getByRole('region', { name: "Retours d'expérience" });
	await expect(reports.getByText('2 retours publiés')).toBeVisible();
	await expect(reports.getByText('recommandé par 2 sur 2')).toBeVisible();
	await expect(
		reports.getByRole('link', { name: /^Une commune de la province de Hainaut/ })
	).toBeVisible();
	await expect(reports.getByRole('link', { name: 'Écrire un retour' })).toHaveCount(0);
	await reports.scrollIntoViewIfNeeded();
	await page.screenshot({ path: test.info().outputPath('contract-visitor.png'), fullPage: true });
	await expectAccessible();

	await loginAs('referent@charleroi.demo');
	await page.goto('/catalogue/IGR-2025-EGU-01');
	await expect(reports.getByRole('link', { name: /^Mons/ })).toBeVisible();
	await reports.getByRole('link', { name: 'Écrire un retour' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('retour');
	await expect(page.getByLabel('Marché')).toHaveValue(/^\d+$/);
	await expect(page.getByLabel('Marché').locator('option:checked')).toContainText(
		'IGR-2025-EGU-01'
	);
	await expectAccessible();
});

test("a commune's page lists its reports; the buyer relaunching a contract reads the pitfalls", async ({
	page,
	loginAs,
	expectAccessible
}) => {
	await page.goto('/annuaire/charleroi');
	const own = page.getByRole('region', { name: /Ses retours d'expérience/ });
	await expect(own.getByRole('link', { name: /Guichet citoyen en ligne/ })).toBeVisible();
	await expectAccessible();

	await loginAs('acheteur@ideta.demo');
	await page.goto('/gestion/marches/IDETA-2026-TEL-02');
	const section = page.getByRole('region', {
		name: "Retours d'expérience sur le marché précédent"
	});
	await expect(section.getByText(/délai de portage des numéros/)).toBeVisible();
	await section.scrollIntoViewIfNeeded();
	await page.screenshot({ path: test.info().outputPath('relaunch.png'), fullPage: true });
	await expectAccessible();
});
