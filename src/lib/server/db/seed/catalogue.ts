/**
 * Demo catalogue: 27 marchés in every status, fictional suppliers, lots, price items, small PDF
 * documents, the membership of Charleroi, Mons and Seneffe (Tournai not yet), and their
 * interests, adhesions and orders. Raw prepared statements in one transaction: well under 0.5 s.
 */
import { addDays } from '../../../domain/catalogue/dates';
import { orderTotals } from '../../../domain/catalogue/money';
import type { VatRate } from '../../../domain/catalogue/types';
import { storeFile } from '../../catalogue/files';
import { reindexContract } from '../../catalogue/search-index';
import { brusselsToday } from '../../clock';
import type { Db } from '../client';
import { DEMO_CONTRACTS, DEMO_SUPPLIERS, type DemoContract } from './catalogue-data';
import { minimalPdf } from './pdf';

/**
 * A Belgian VAT number (10 digits, the last two = 97 − the first eight mod 97) in the BE0999
 * range, which the demo uses for fictional companies only.
 */
export function fictionalVat(n: number): string {
	const first = `0999${String(n).padStart(4, '0')}`;
	const check = 97 - (Number(first) % 97);
	return `BE${first}${String(check).padStart(2, '0')}`;
}

function addMonths(date: string, months: number): string {
	const [y, m, d] = date.split('-').map(Number);
	const target = new Date(Date.UTC(y, m - 1 + months, Math.min(d, 28)));
	return target.toISOString().slice(0, 10);
}

const ARTICLES = { ordinaire: '104/123-13', extraordinaire: '104/742-53' } as const;

export function seedDemoCatalogue(db: Db) {
	const sqlite = db.$client;
	const today = brusselsToday();
	const org = (slug: string) =>
		(sqlite.prepare('select id from organisations where slug = ?').get(slug) as { id: number }).id;
	const user = (email: string) =>
		(
			sqlite.prepare('select id from users where email = ?').get(email) as
				{ id: number } | undefined
		)?.id ?? null;

	sqlite.transaction(() => {
		const supplierIds = DEMO_SUPPLIERS.map(
			(name, i) =>
				sqlite
					.prepare('insert into suppliers (name, vat_number) values (?, ?)')
					.run(name, fictionalVat(i + 1)).lastInsertRowid as number
		);
		const ids = new Map<string, number>();
		for (const c of DEMO_CONTRACTS) ids.set(c.ref, insertContract(c));

		function insertContract(c: DemoContract): number {
			const start = addMonths(today, c.start);
			const end = addMonths(today, c.end);
			const started = c.start <= 0;
			const awarded = !['planned', 'tendering', 'cancelled'].includes(c.status);
			const id = sqlite
				.prepare(
					`insert into contracts (reference, title, summary, description, theme, cpv_codes,
					 centrale_id, source_url, procedure, status, interest_deadline, tender_close_date,
					 award_date, start_date, end_date, max_end_date, estimated_value_cents,
					 max_value_cents, modules, predecessor_id)
					 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
				)
				.run(
					c.ref,
					c.title,
					c.summary,
					description(c),
					c.theme,
					JSON.stringify(c.cpv),
					org(c.centrale),
					c.sourceUrl ?? null,
					c.procedure,
					c.status,
					addMonths(today, c.start - (awarded ? 8 : started ? 0 : 2)),
					addMonths(today, c.start - (awarded ? 5 : 1)),
					awarded ? addMonths(today, Math.min(c.start - 2, -1)) : null,
					start,
					end,
					c.extension ? addMonths(end, c.extension) : end,
					c.estimated * 100,
					c.maximum * 100,
					JSON.stringify(c.modules),
					c.predecessorRef ? (ids.get(c.predecessorRef) ?? null) : null
				).lastInsertRowid as number;
			c.lots.forEach((lot, i) => {
				const lotId = sqlite
					.prepare(
						'insert into lots (contract_id, number, title, supplier_id, end_date) values (?, ?, ?, ?, ?)'
					)
					.run(id, i + 1, lot.title, lot.supplier === null ? null : supplierIds[lot.supplier], end)
					.lastInsertRowid as number;
				for (const [label, unit, euros, vat, recurrence, nature, module] of lot.items) {
					sqlite
						.prepare(
							`insert into price_items (lot_id, label, unit, unit_price_cents, vat_rate,
							 recurrence, budget_nature, suggested_article, module) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`
						)
						.run(
							lotId,
							label,
							unit,
							Math.round(euros * 100),
							vat,
							recurrence,
							nature,
							ARTICLES[nature],
							module
						);
				}
			});
			sqlite
				.prepare(
					'insert into contract_transitions (contract_id, from_status, to_status, at, note) values (?, null, ?, ?, ?)'
				)
				.run(id, c.status, Date.now(), 'Reprise des données de démonstration');
			documents(id, c);
			reindexContract(sqlite, id);
			return id;
		}

		function documents(id: number, c: DemoContract) {
			if (c.status === 'planned' || c.status === 'cancelled') return;
			const docs: [string, string, boolean][] = [
				['cahier-des-charges', `Cahier spécial des charges — ${c.ref}`, true],
				['modele-deliberation', `Modèle de délibération du collège — ${c.ref}`, false]
			];
			for (const [kind, title, isPublic] of docs) {
				const pdf = minimalPdf([title, c.title, 'Document de démonstration (fictif).']);
				const sha = storeFile(pdf);
				sqlite
					.prepare(
						`insert into contract_documents (contract_id, kind, title, is_public, sha256, size, mime, original_filename)
						 values (?, ?, ?, ?, ?, ?, 'application/pdf', ?)`
					)
					.run(id, kind, title, isPublic ? 1 : 0, sha, pdf.length, `${kind}-${c.ref}.pdf`);
			}
		}

		seedCommunes(db, ids, org, user, today);
	})();
}

function description(c: DemoContract): string {
	return [
		`## Objet\n\n${c.summary}`,
		'## Pour qui\n\nLes communes, CPAS et autres pouvoirs locaux adhérents à la centrale.',
		'## Points d’attention\n\n- Décision du collège avant toute commande\n- Crédit inscrit au budget de l’exercice'
	].join('\n\n');
}

type Lookup = (key: string) => number;

function seedCommunes(
	db: Db,
	ids: Map<string, number>,
	org: Lookup,
	user: (email: string) => number | null,
	today: string
) {
	const sqlite = db.$client;
	const members: [string, string, string][] = [
		['charleroi', 'igretec', '2019-03-25'],
		['mons', 'idea', '2020-01-27'],
		['seneffe', 'idea', '2021-06-21']
	];
	for (const [commune, centrale, date] of members) {
		sqlite
			.prepare(
				`insert into memberships (organisation_id, centrale_id, council_decision_date,
				 council_decision_reference, convention_signed_date) values (?, ?, ?, ?, ?)`
			)
			.run(
				org(commune),
				org(centrale),
				date,
				`CC/${date.slice(0, 4)}/0${date.slice(5, 7)}`,
				addDays(date, 30)
			);
	}
	const interest = sqlite.prepare(
		`insert into interests (contract_id, organisation_id, max_quantity_hundredths, estimated_amount_cents,
		 note, declared_by, updated_at) values (?, ?, ?, ?, ?, ?, ?)`
	);
	interest.run(
		ids.get('IDEA-2026-SAL-01'),
		org('charleroi'),
		4_000,
		2_400_000,
		'40 salles et 6 halls sportifs',
		user('referent@charleroi.demo'),
		Date.now()
	);
	interest.run(
		ids.get('IDEA-2026-SAL-01'),
		org('mons'),
		2_500,
		1_500_000,
		null,
		user('referent@mons.demo'),
		Date.now()
	);
	interest.run(
		ids.get('IGR-2026-SMC-01'),
		org('charleroi'),
		3_000,
		9_000_000,
		'30 capteurs',
		user('referent@charleroi.demo'),
		Date.now()
	);
	interest.run(
		ids.get('IDETA-2026-TEL-02'),
		org('mons'),
		45_000,
		6_000_000,
		'Postes fixes et mobiles',
		user('referent@mons.demo'),
		Date.now()
	);

	const adhere = sqlite.prepare(
		`insert into adhesions (contract_id, organisation_id, decision_reference, decision_date,
		 modules, estimated_quantities, created_by) values (?, ?, ?, ?, ?, ?, ?)`
	);
	const adhesions = new Map<string, number>();
	const plan: [string, string, string][] = [
		['charleroi', 'IGR-2025-EGU-01', '["software","support","training"]'],
		['charleroi', 'IDEA-2025-CYB-02', '["audit","training"]'],
		['charleroi', 'IGR-2025-EQU-04', '["software"]'],
		['charleroi', 'IDEA-2024-DPO-01', '["support"]'],
		['mons', 'IGR-2025-EGU-01', '["software"]'],
		['mons', 'IDEA-2025-CYB-02', '["audit"]'],
		['mons', 'IDETA-2022-TEL-01', '["software","support"]'],
		['mons', 'IDEA-2025-CLD-03', '["software"]'],
		['seneffe', 'IDEA-2025-CYB-02', '["audit","training"]'],
		['seneffe', 'PROV-2025-FOR-01', '["training"]']
	];
	for (const [commune, ref, modules] of plan) {
		const id = adhere.run(
			ids.get(ref),
			org(commune),
			`COL/${today.slice(0, 4)}/${100 + adhesions.size}`,
			addMonths(today, -2),
			modules,
			'Selon le bordereau',
			user(`referent@${commune}.demo`)
		).lastInsertRowid as number;
		adhesions.set(`${commune}:${ref}`, id);
	}
	seedOrders(db, ids, adhesions, org, user, today);
}

function seedOrders(
	db: Db,
	ids: Map<string, number>,
	adhesions: Map<string, number>,
	org: Lookup,
	user: (email: string) => number | null,
	today: string
) {
	const sqlite = db.$client;
	const items = sqlite.prepare(
		`select p.id, p.lot_id as lotId, p.label, p.unit, p.unit_price_cents as unitPriceCents, p.vat_rate as vatRate
		 from price_items p join lots l on l.id = p.lot_id where l.contract_id = ? order by l.number, p.id`
	);
	const insertOrder = sqlite.prepare(
		`insert into orders (adhesion_id, contract_id, organisation_id, lot_id, budget_year, budget_article,
		 status, excl_vat_cents, vat_cents, incl_vat_cents, submitted_by, submitted_at, decided_at)
		 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const insertLine = sqlite.prepare(
		`insert into order_lines (order_id, lot_id, price_item_id, label, unit, quantity_hundredths, unit_price_cents, vat_rate)
		 values (?, ?, ?, ?, ?, ?, ?, ?)`
	);
	// [commune, contract, item index, quantity, status, days ago]
	const plan: [string, string, number, number, string, number][] = [
		['charleroi', 'IGR-2025-EGU-01', 1, 1, 'confirmed', 200],
		['charleroi', 'IGR-2025-EGU-01', 2, 12, 'confirmed', 190],
		['charleroi', 'IGR-2025-EQU-04', 0, 60, 'confirmed', 90],
		['charleroi', 'IGR-2025-EQU-04', 2, 60, 'submitted', 3],
		['charleroi', 'IDEA-2025-CYB-02', 0, 1, 'confirmed', 120],
		['mons', 'IGR-2025-EGU-01', 1, 1, 'confirmed', 150],
		['mons', 'IDEA-2025-CYB-02', 0, 1, 'confirmed', 100],
		['mons', 'IDEA-2025-CYB-02', 1, 1, 'refused', 80],
		['mons', 'IDETA-2022-TEL-01', 0, 380, 'confirmed', 400],
		['seneffe', 'IDEA-2025-CYB-02', 0, 1, 'confirmed', 60],
		['seneffe', 'PROV-2025-FOR-01', 0, 3, 'submitted', 5]
	];
	for (const [commune, ref, index, quantity, status, daysAgo] of plan) {
		const contractId = ids.get(ref)!;
		const item = (
			items.all(contractId) as {
				id: number;
				lotId: number;
				label: string;
				unit: string;
				unitPriceCents: number;
				vatRate: number;
			}[]
		)[index];
		const totals = orderTotals([
			{ quantity, unitPriceCents: item.unitPriceCents, vatRate: item.vatRate as VatRate }
		]);
		const at = Date.now() - daysAgo * 86_400_000;
		const orderId = insertOrder.run(
			adhesions.get(`${commune}:${ref}`),
			contractId,
			org(commune),
			item.lotId,
			Number(today.slice(0, 4)),
			'104/123-13',
			status,
			totals.exclVatCents,
			totals.vatCents,
			totals.inclVatCents,
			user(`referent@${commune}.demo`),
			at,
			status === 'submitted' ? null : at + 86_400_000
		).lastInsertRowid as number;
		insertLine.run(
			orderId,
			item.lotId,
			item.id,
			item.label,
			item.unit,
			quantity * 100,
			item.unitPriceCents,
			item.vatRate
		);
	}
	// the cybersecurity framework has been used by many communes: it stands near 80 % of its maximum
	const cyber = ids.get('IDEA-2025-CYB-02')!;
	const firstLot = (
		sqlite.prepare('select id from lots where contract_id = ? order by number').get(cyber) as {
			id: number;
		}
	).id;
	sqlite
		.prepare(
			`insert into orders (adhesion_id, contract_id, organisation_id, lot_id, budget_year, budget_article,
			 status, excl_vat_cents, vat_cents, incl_vat_cents, note, submitted_at, decided_at)
			 values (?, ?, ?, ?, ?, '104/123-13', 'confirmed', ?, ?, ?, ?, ?, ?)`
		)
		.run(
			adhesions.get('mons:IDEA-2025-CYB-02'),
			cyber,
			org('mons'),
			firstLot,
			Number(today.slice(0, 4)),
			9_400_000,
			1_974_000,
			11_374_000,
			'Reprise des commandes antérieures au portail (historique agrégé)',
			Date.now() - 300 * 86_400_000,
			Date.now() - 299 * 86_400_000
		);
	// their history, as migration 0012 writes it for orders placed before order_events existed
	sqlite.exec(
		`insert into order_events (order_id, status, actor_id, reason, at)
		 select id, 'submitted', submitted_by, null, submitted_at from orders;
		 insert into order_events (order_id, status, actor_id, reason, at)
		 select id, status, decided_by, refusal_reason, coalesce(decided_at, submitted_at)
		 from orders where status <> 'submitted';`
	);
}
