import { expect, PHONE, test } from './fixtures';

test('an admin takes a backup from the page, sees it verified and reads how to restore', async ({
	page,
	loginAs,
	expectAccessible
}) => {
	await loginAs('admin@centrale.demo');
	await page.goto('/admin/personnes');
	await page.getByRole('link', { name: 'Sauvegardes' }).click();
	await expect(page.getByRole('heading', { name: 'Sauvegardes', level: 1 })).toBeVisible();
	await expect(page.getByText('Aucune sauvegarde pour l’instant')).toBeVisible();
	await expectAccessible();

	await page.getByRole('button', { name: 'Faire une sauvegarde maintenant' }).click();
	await expect(page.getByRole('status')).toContainText('Sauvegarde faite et vérifiée.');
	const row = page.getByRole('row').filter({ hasText: 'Depuis cette page' });
	await expect(row).toContainText('✓ Vérifiée');
	await expect(page.getByRole('heading', { name: 'Restaurer une sauvegarde' })).toBeVisible();
	await expect(page.getByText('npm run restore --')).toBeVisible();
	await expectAccessible();
	await page.screenshot({ path: 'test-results/backups-page.png', fullPage: true });
	await page.setViewportSize(PHONE);
	await page.screenshot({ path: 'test-results/backups-page-phone.png', fullPage: true });
});
