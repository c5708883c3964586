import { expect, PHONE, test } from './fixtures';

// each test starts its own server with demo data; the machine is shared, so allow for slowness
test.describe.configure({ timeout: 120_000 });

test('anyone browses the catalogue, searches « securite » and opens a contract', async ({
	page,
	expectAccessible
}) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Parcourir le catalogue des marchés' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Catalogue des marchés' })
	).toBeVisible();
	await expectAccessible();
	await page.getByRole('searchbox', { name: 'Rechercher', exact: true }).fill('securite');
	await page.getByRole('button', { name: 'Afficher les marchés' }).click();
	await expect(page.getByRole('heading', { name: /marchés? pour « securite »/ })).toBeVisible();
	await expectAccessible();
	await page
		.getByRole('link', { name: 'Audit de cybersécurité et sensibilisation du personnel' })
		.click();
	await expect(
		page
			.getByRole('heading', { name: 'L’essentiel' })
			.or(page.getByRole('heading', { name: "L'essentiel" }))
	).toBeVisible();
	await expect(page.getByText('Exemple Cyberdéfense SRL')).toBeVisible();
	await expect(page.getByText('Les prix sont réservés aux pouvoirs locaux membres')).toBeVisible();
	await expectAccessible();
	await page.goto('/catalogue/a-venir');
	await expect(page.getByRole('link', { name: 'Téléphonie IP et mobile (relance)' })).toBeVisible();
	await expectAccessible();
});

test('a referent adheres, orders and sees the bon de commande', async ({
	page,
	loginAs,
	expectAccessible
}) => {
	await loginAs('referent@charleroi.demo');
	await page.goto('/catalogue/IDETA-2025-RH-01');
	await expect(page.getByText('Membre de la centrale')).toBeVisible();
	await expectAccessible();
	await page.getByLabel('Référence de la décision du collège').fill('COL/2026/412');
	await page.getByLabel('Date de la décision').fill('2026-11-16');
	await page.getByLabel('Quantités estimées').fill('300 fiches par mois');
	await page.getByRole('button', { name: "Enregistrer l'adhésion" }).click();
	await expect(page.getByText('Adhésion enregistrée')).toBeVisible();
	await page.getByRole('link', { name: 'Passer une commande' }).click();
	await expectAccessible();
	await page.getByLabel('Quantité : Calcul de paie (par fiche)').fill('300');
	await page.getByLabel('Quantité : Formation du service du personnel').fill('2');
	await page.getByLabel('Article budgétaire').fill('104/123-13');
	await page.getByRole('button', { name: 'Envoyer la commande du lot 1' }).click();
	await expect(page.getByRole('heading', { name: /Bon de commande n° \d+/ })).toBeVisible();
	// 300 × 4,20 € + 2 × 690 € = 2 640 € HTVA, 554,40 € of VAT, 3 194,40 € TVAC
	await expect(page.getByRole('row', { name: /Total TVAC/ })).toContainText(/3\s?194,40/);
	await expect(page.getByRole('button', { name: 'Imprimer le bon de commande' })).toBeVisible();
	await expectAccessible();
	await page.goto('/mes-marches');
	await expect(
		page.getByRole('link', { name: 'Logiciel de paie et gestion du personnel' })
	).toBeVisible();
	await expectAccessible();
});

test('a buyer activates an awarded contract and starts its relaunch', async ({
	page,
	loginAs,
	expectAccessible
}) => {
	await loginAs('acheteur@ideta.demo');
	await page.goto('/gestion');
	await expectAccessible();
	await page
		.getByRole('link', { name: 'Imprimantes multifonctions et gestion des impressions' })
		.click();
	await expectAccessible();
	await page.getByLabel('Nouveau statut').selectOption('active');
	await page.getByLabel('Note (facultatif)').fill('Notification faite à l’adjudicataire');
	await page.getByRole('button', { name: 'Changer le statut' }).click();
	await expect(page.getByText('Statut mis à jour.')).toBeVisible();
	await expect(page.locator('.status .badge')).toHaveText('Actif');
	await page.getByRole('button', { name: 'Lancer la relance de ce marché' }).click();
	await expect(page.getByText('Relance créée à partir de IDETA-2025-IMP-03')).toBeVisible();
	await expect(
		page.getByRole('link', { name: /Imprimantes multifonctions .*\(IDETA-2025-IMP-03\)/ })
	).toBeVisible();
	await expectAccessible();

	// the successor's prices are references until the new award: the buyer fixes one
	const item = page.locator('.items > li', { hasText: 'Location multifonction A3 couleur' });
	await expect(item.getByText('Prix à fixer', { exact: true })).toBeVisible();
	await expect(item.getByText(/Prix de référence du marché précédent : 39,00\s€/)).toBeVisible();
	await item.locator('summary').click();
	await item.getByLabel('Prix unitaire (€ HTVA)').fill('36,50');
	await expectAccessible();
	await item.getByRole('button', { name: 'Enregistrer le poste' }).click();
	await expect(
		page.getByText('Poste « Location multifonction A3 couleur » modifié.')
	).toBeVisible();
	await expect(item.getByText(/36,50\s€ \/ appareil\/mois/)).toBeVisible();

	// a document copied by the relaunch is deleted, after the confirmation box is ticked
	const doc = page.locator('.items > li', { hasText: 'Modèle de délibération du collège' });
	await doc.locator('summary').click();
	await doc.getByRole('checkbox', { name: /Je confirme la suppression/ }).check();
	await doc.getByRole('button', { name: 'Supprimer le document' }).click();
	await expect(page.getByText(/Document « Modèle de délibération .* » supprimé\./)).toBeVisible();
	await expect(
		page.locator('.items > li', { hasText: 'Modèle de délibération du collège' })
	).toHaveCount(0);
	await expectAccessible();
});

test('a buyer corrects an adjudicataire’s name from the list of adjudicataires', async ({
	page,
	loginAs,
	expectAccessible
}) => {
	await loginAs('acheteur@igretec.demo');
	await page.goto('/gestion');
	await page.getByRole('link', { name: 'Adjudicataires' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Adjudicataires' })).toBeVisible();
	await expectAccessible();
	const first = page.locator('.items > li').first();
	await first.locator('summary').click();
	await first.getByLabel('Nom').fill('Zéphyrin Solutions (fictif)');
	await expectAccessible();
	await first.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(
		page.getByText('Adjudicataire « Zéphyrin Solutions (fictif) » enregistré.')
	).toBeVisible();
	await expect(page.getByText('Zéphyrin Solutions (fictif)', { exact: true })).toBeVisible();
});

test('a search and filters chosen before the page has loaded are kept, and follow the address', async ({
	page,
	holdScripts
}) => {
	const scripts = await holdScripts();
	await page.goto('/catalogue', { waitUntil: 'domcontentloaded' });
	const search = page.getByRole('searchbox', { name: 'Rechercher', exact: true });
	const openNow = page.getByRole('checkbox', { name: "Ouvert à l'adhésion maintenant" });
	const sort = page.getByLabel('Trier par');
	await search.fill('securite');
	await openNow.check();
	await sort.selectOption({ label: 'Échéance la plus proche' });
	await scripts.release();
	await expect(search).toHaveValue('securite');
	await expect(openNow).toBeChecked();
	await expect(sort).toHaveValue('echeance');
	await page.getByRole('button', { name: 'Afficher les marchés' }).click();
	await expect(page).toHaveURL(/q=securite&ouvert=1.*&tri=echeance/);
	await expect(page.getByRole('heading', { name: /marchés? pour « securite »/ })).toBeVisible();

	await page.getByRole('link', { name: 'Effacer les filtres' }).click();
	await expect(page).toHaveURL(/\/catalogue$/);
	await expect(search).toHaveValue('');
	await expect(openNow).not.toBeChecked();
	await expect(sort).toHaveValue('titre');
	await page.goBack();
	await expect(page.getByRole('heading', { name: /marchés? pour « securite »/ })).toBeVisible();
	await expect(search).toHaveValue('securite');
	await expect(openNow).toBeChecked();
	await expect(sort).toHaveValue('echeance');
});

test('on a phone the filters fold behind a button that counts the active ones', async ({
	page,
	expectAccessible
}) => {
	await page.setViewportSize(PHONE);
	await page.goto('/catalogue?thematique=cybersecurite');
	await page.waitForLoadState('networkidle');
	const toggle = page.getByRole('button', { name: 'Filtres (1 actif)' });
	const audit = page.getByRole('checkbox', { name: /^Audit/ });
	await expect(toggle).toHaveAttribute('aria-expanded', 'false');
	await expect(audit).toBeHidden();
	// the search, the sort and the results stay within reach
	await expect(page.getByRole('searchbox', { name: 'Rechercher', exact: true })).toBeVisible();
	await expect(page.getByLabel('Trier par')).toBeVisible();
	await expect(page.getByRole('heading', { name: /\d+ marchés?/ })).toBeInViewport();
	await expectAccessible();

	await toggle.click();
	await expect(toggle).toHaveAttribute('aria-expanded', 'true');
	await expect(page.getByRole('checkbox', { name: /^Cybersécurité/ })).toBeChecked();
	await audit.check();
	await expectAccessible();
	await page.getByRole('button', { name: 'Afficher les marchés' }).click();
	await expect(page).toHaveURL(/thematique=cybersecurite.*module=audit/);
	await expect(page.getByRole('button', { name: 'Filtres (2 actifs)' })).toBeVisible();
});

test('after a successful save, the buyer’s forms show what was saved', async ({
	page,
	loginAs
}) => {
	await loginAs('acheteur@ideta.demo');
	await page.goto('/gestion/marches/IDETA-2025-IMP-03');
	const lot = page.locator('article.lot').first();
	const endDate = lot.getByLabel('Fin du lot');
	const supplier = lot.getByLabel('Adjudicataire');
	await expect(supplier).not.toHaveValue('');
	await endDate.fill('2031-06-30');
	await supplier.selectOption({ label: 'Pas encore attribué' });
	await lot.getByRole('button', { name: 'Mettre à jour le lot' }).click();
	await expect(page.getByText('Lot mis à jour.')).toBeVisible();
	await expect(endDate).toHaveValue('2031-06-30');
	await expect(supplier).toHaveValue('');

	const item = lot.locator('.items > li').first();
	await item.locator('summary').click();
	const price = item.getByLabel('Prix unitaire (€ HTVA)');
	await price.fill('41,25');
	await item.getByRole('button', { name: 'Enregistrer le poste' }).click();
	await expect(page.getByText(/Poste « .* » modifié\./)).toBeVisible();
	await expect(item.getByText(/41,25\s€/)).toBeVisible();
	await expect(price).toHaveValue('41,25');

	await page.goto('/gestion/adjudicataires');
	const first = page.locator('.items > li').first();
	await first.locator('summary').click();
	// the list is sorted by name: follow this adjudicataire by its field, not by its place
	const name = page.locator(`#${await first.getByLabel('Nom').getAttribute('id')}`);
	await name.fill('Zéphyrin Solutions (fictif)');
	await first.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(
		page.getByText('Adjudicataire « Zéphyrin Solutions (fictif) » enregistré.')
	).toBeVisible();
	const renamed = page.locator('.items > li', { has: name });
	if (!(await name.isVisible())) await renamed.locator('summary').click();
	await expect(name).toHaveValue('Zéphyrin Solutions (fictif)');
});

test('the order form totals the lot as quantities are typed and warns before exceeding the maximum', async ({
	page,
	loginAs,
	expectAccessible
}) => {
	await loginAs('referent@charleroi.demo');
	await page.goto('/catalogue/IDEA-2025-CYB-02/commander');
	const lot = page.locator('form').filter({ hasText: 'Lot 1' });
	const total = lot.getByRole('region', { name: 'Montant de cette commande' });
	await expect(total.getByTestId('total-excl')).toHaveText(/^0,00\s€$/);

	await lot.getByLabel('Quantité : Audit CyberFundamentals — niveau Basic').fill('1');
	await lot.getByLabel('Quantité : Test d’intrusion externe').pressSequentially('1');
	// 7 900 € + 5 600 € = 13 500 € HTVA, 2 835 € of VAT at 21 %, 16 335 € TVAC
	await expect(total.getByTestId('total-excl')).toHaveText(/^13\s?500,00\s€$/);
	await expect(total).toContainText(/TVA 21 % sur 13\s?500,00\s€\s*2\s?835,00\s€/);
	await expect(total.getByTestId('total-incl')).toHaveText(/^16\s?335,00\s€$/);
	// 117 700 € of the 150 000 € maximum are committed: 18 800 € would remain
	await expect(total.getByTestId('remaining')).toHaveText(/^18\s?800,00\s€$/);
	await page.screenshot({ path: test.info().outputPath('running-total.png'), fullPage: true });
	await expectAccessible();

	// five audits would go past the maximum: said before « Envoyer », and the button points to it
	await lot.getByLabel('Quantité : Audit CyberFundamentals — niveau Basic').fill('5');
	await expect(total.getByTestId('total-excl')).toHaveText(/^45\s?100,00\s€$/);
	const send = lot.getByRole('button', { name: 'Envoyer la commande du lot 1' });
	await expect(send).toHaveAccessibleDescription(/dépasserait le montant maximal du marché/);
	await expect(total.getByTestId('remaining')).toHaveText(/^0,00\s€$/);
	// the server stays the judge: sent anyway, it refuses and keeps what was typed
	await send.click();
	await expect(page.getByText(/dépasserait le montant maximal/).first()).toBeVisible();
	await expect(lot.getByLabel('Quantité : Audit CyberFundamentals — niveau Basic')).toHaveValue(
		'5'
	);
	await expect(page).toHaveURL(/\/commander$/);
});

test('the status filter counts ended contracts, and an ended one that was relaunched says so', async ({
	page,
	loginAs,
	expectAccessible
}) => {
	await loginAs('acheteur@idea.demo');
	await page.goto('/gestion/marches/IDEA-2021-WEB-02');
	await page.getByRole('button', { name: 'Lancer la relance de ce marché' }).click();
	await expect(page.getByText('Relance créée à partir de IDEA-2021-WEB-02')).toBeVisible();
	const successor = new URL(page.url()).pathname.split('/').pop()!;

	await page.goto('/catalogue');
	// ended contracts are hidden by default, yet counted as a click shows them
	const ended = page.getByRole('checkbox', { name: 'Terminé (2)' });
	await ended.check();
	await page.getByRole('button', { name: 'Afficher les marchés' }).click();
	await expect(page.getByRole('heading', { name: '2 marchés' })).toBeVisible();
	const card = page.getByRole('listitem').filter({ hasText: 'Réf. IDEA-2021-WEB-02' });
	await expect(card.getByText('Remplacé', { exact: true })).toBeVisible();
	await card
		.getByRole('link', { name: 'Audit de sécurité des sites web communaux' })
		.last()
		.click();
	await expect(page).toHaveURL(new RegExp(`/catalogue/${successor}$`));
	await page.goBack();
	await expect(card).toBeVisible();
	await page.screenshot({ path: 'test-results/catalogue-replaced.png', fullPage: true });
	await expectAccessible();
});
