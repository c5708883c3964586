/**
 * `npm run bench:catalogue`: seeds 10,000 contracts, 40,000 lots, 260 organisations and 200,000
 * orders into a temporary DATA_DIR (one transaction, prepared statements), starts the real server
 * and measures with autocannon under 20 connections: catalogue search with a query and two
 * facets, a contract page, « Mes marchés » of a commune with 2,000 orders (logged in), and the
 * streamed OCDS package of every contract, with the server's peak RSS. Prints figures only.
 *
 * BENCH_ONLY=search measures the search and the contract page only; BENCH_CPU_PROF=<folder> has the server write a
 * V8 CPU profile there when it stops (open it in Chrome's DevTools or speedscope).
 */
import autocannon from 'autocannon';
import fs from 'node:fs';
import { startServer, tempDataDir } from '../support/server';
import { handlerTimes } from './server-timing';

const CONTRACTS = 10_000;
const LOTS_PER_CONTRACT = 4;
const ORGANISATIONS = 260;
const ORDERS = 200_000;
const HEAVY_COMMUNE_ORDERS = 2_000;

const dataDir = tempDataDir('centrale-bench-');
process.env.DATA_DIR = dataDir;
process.env.DEMO = '0';

const { getDb, closeDb } = await import('../../src/lib/server/db/client');
const { seedDatabase } = await import('../../src/lib/server/db/seed/index');
const { reindexContract } = await import('../../src/lib/server/catalogue/search-index');
const { createSession, SESSION_COOKIE } = await import('../../src/lib/server/auth/session');
const { THEME_SLUGS } = await import('../../src/lib/domain/catalogue/labels');
const { fictionalVat } = await import('../../src/lib/server/db/seed/catalogue');

const WORDS = {
	what: ['Logiciel', 'Audit', 'Plateforme', 'Accompagnement', 'Formation', 'Fourniture', 'Service'],
	of: [
		'cybersécurité',
		'gestion des courriers',
		'guichet citoyen',
		'téléphonie',
		'réservation de salles',
		'paie',
		'comptabilité',
		'cartographie',
		'archivage',
		'capteurs urbains'
	],
	suffix: ['pour les communes', 'mutualisé', 'en ligne', 'et maintenance', 'pour les CPAS']
};
const STATUSES = [
	'planned',
	'tendering',
	'awarded',
	'active',
	'active',
	'active',
	'expiring',
	'ended',
	'cancelled'
];
const MODULES = ['audit', 'software', 'support', 'training'];
const pick = <T>(list: readonly T[], i: number) => list[i % list.length];

function seed() {
	const started = performance.now();
	const db = getDb();
	const sqlite = db.$client;
	sqlite.transaction(() => {
		const orgs = sqlite.prepare('select id from organisations').all() as { id: number }[];
		const insertOrg = sqlite.prepare(
			"insert into organisations (kind, name, search_name, slug) values ('cpas', ?, ?, ?)"
		);
		for (let i = orgs.length; i < ORGANISATIONS; i++)
			orgs.push({
				id: Number(
					insertOrg.run(`CPAS fictif ${i}`, `cpas fictif ${i}`, `cpas-fictif-${i}`).lastInsertRowid
				)
			});
		const centrales = (
			sqlite.prepare('select id from organisations where is_centrale = 1').all() as { id: number }[]
		).map((o) => o.id);
		const buyers = orgs.map((o) => o.id).filter((id) => !centrales.includes(id));
		const membership = sqlite.prepare(
			"insert into memberships (organisation_id, centrale_id, council_decision_date, council_decision_reference) values (?, ?, '2020-01-01', 'CC/2020/1')"
		);
		for (const id of buyers) membership.run(id, centrales[0]);

		const supplier = sqlite.prepare('insert into suppliers (name, vat_number) values (?, ?)');
		const suppliers: number[] = [];
		for (let i = 0; i < 500; i++)
			suppliers.push(
				Number(supplier.run(`Exemple Fournisseur ${i} SA`, fictionalVat(1000 + i)).lastInsertRowid)
			);

		const contract = sqlite.prepare(
			`insert into contracts (reference, title, summary, description, theme, centrale_id, procedure, status,
			 start_date, end_date, max_end_date, interest_deadline, estimated_value_cents, max_value_cents, modules)
			 values (?, ?, ?, ?, ?, ?, 'ouverte', ?, ?, ?, ?, ?, ?, ?, ?)`
		);
		const lot = sqlite.prepare(
			'insert into lots (contract_id, number, title, supplier_id, end_date) values (?, ?, ?, ?, ?)'
		);
		const item = sqlite.prepare(
			`insert into price_items (lot_id, label, unit, unit_price_cents, vat_rate, recurrence, budget_nature, module)
			 values (?, ?, 'jour', ?, 21, 'one_off', 'ordinaire', 'support')`
		);
		const contractIds: number[] = [];
		const lotsOf = new Map<number, number>();
		for (let i = 0; i < CONTRACTS; i++) {
			const status = pick(STATUSES, i);
			const title = `${pick(WORDS.what, i)} ${pick(WORDS.of, i * 7 + 3)} ${pick(WORDS.suffix, i * 3)} n° ${i}`;
			const year = 2024 + (i % 5);
			const id = Number(
				contract.run(
					`BENCH-${String(i).padStart(5, '0')}`,
					title,
					`Accord-cadre ${title.toLowerCase()}, ouvert aux pouvoirs locaux adhérents.`,
					`## Objet\n\n${title}. Lots, options et bordereau de prix détaillés.`,
					pick(THEME_SLUGS, i),
					pick(centrales, i),
					status,
					`${year - 1}-01-01`,
					status === 'ended' ? '2025-06-30' : `${year + 3}-12-31`,
					status === 'ended' ? '2025-06-30' : `${year + 4}-12-31`,
					`${year - 1}-06-30`,
					50_000_000,
					10_000_000_000,
					JSON.stringify([pick(MODULES, i), pick(MODULES, i + 1)])
				).lastInsertRowid
			);
			contractIds.push(id);
			for (let n = 1; n <= LOTS_PER_CONTRACT; n++) {
				const lotId = Number(
					lot.run(
						id,
						n,
						`Lot ${n} — ${pick(WORDS.of, i + n)}`,
						pick(suppliers, i * 4 + n),
						`${year + 3}-12-31`
					).lastInsertRowid
				);
				if (n === 1) lotsOf.set(id, lotId);
				item.run(lotId, `Journée de ${pick(WORDS.what, n).toLowerCase()}`, 50_000 + n * 100);
			}
		}
		for (const id of contractIds) reindexContract(sqlite, id);

		const adhesion = sqlite.prepare(
			"insert into adhesions (contract_id, organisation_id, decision_reference, decision_date, modules) values (?, ?, 'COL/1', '2025-01-01', '[\"support\"]')"
		);
		const order = sqlite.prepare(
			`insert into orders (adhesion_id, contract_id, organisation_id, lot_id, budget_year, budget_article, status,
			 excl_vat_cents, vat_cents, incl_vat_cents, submitted_at) values (?, ?, ?, ?, 2026, '104/123-13', ?, 100000, 21000, 121000, ?)`
		);
		const line = sqlite.prepare(
			"insert into order_lines (order_id, lot_id, label, unit, quantity_hundredths, unit_price_cents, vat_rate) values (?, ?, 'Journée', 'jour', 200, 50000, 21)"
		);
		const heavy = (
			sqlite.prepare("select id from organisations where slug = 'charleroi'").get() as {
				id: number;
			}
		).id;
		const active = contractIds.filter((_, i) => ['active', 'expiring'].includes(pick(STATUSES, i)));
		const others = buyers.filter((id) => id !== heavy);
		const adhesionOf = new Map<string, number>();
		const t0 = Date.now();
		for (let i = 0; i < ORDERS; i++) {
			const organisationId = i < HEAVY_COMMUNE_ORDERS ? heavy : pick(others, i);
			// a commune adheres to a few dozen contracts, not hundreds: 24 each, orders spread over them
			const contractId = pick(active, (i % 24) * 41 + organisationId * 13);
			const key = `${organisationId}:${contractId}`;
			let adhesionId = adhesionOf.get(key);
			if (!adhesionId)
				adhesionOf.set(
					key,
					(adhesionId = Number(adhesion.run(contractId, organisationId).lastInsertRowid))
				);
			const orderId = Number(
				order.run(
					adhesionId,
					contractId,
					organisationId,
					lotsOf.get(contractId),
					pick(['submitted', 'confirmed', 'confirmed', 'refused'], i),
					t0 - i * 60_000
				).lastInsertRowid
			);
			line.run(orderId, lotsOf.get(contractId));
		}
	})();
	sqlite.pragma('optimize');
	return performance.now() - started;
}

const db = getDb();
await seedDatabase(db, { demo: false });
const seedMs = seed();
if (process.env.BENCH_SEED_ONLY) {
	closeDb();
	console.log(`Seeded into ${dataDir}`);
	process.exit(0);
}
const sqlite = db.$client;
const referent = sqlite
	.prepare(
		"insert into users (email, name, role, organisation_id, password_hash) select 'bench@charleroi.test', 'Bench', 'referent', id, 'x' from organisations where slug = 'charleroi'"
	)
	.run().lastInsertRowid;
const { token } = createSession(Number(referent));
const counts = sqlite
	.prepare(
		"select (select count(*) from contracts) c, (select count(*) from lots) l, (select count(*) from organisations) o, (select count(*) from orders) r, (select count(*) from orders where organisation_id = (select id from organisations where slug = 'charleroi')) h"
	)
	.get() as { c: number; l: number; o: number; r: number; h: number };
closeDb();
console.log(
	`Seeded ${counts.c} contracts, ${counts.l} lots, ${counts.o} organisations, ${counts.r} orders (${counts.h} for Charleroi) in ${(seedMs / 1000).toFixed(1)} s`
);

// request logs on (info): each line carries the time the handler spent, the server-side figure
const profileDir = process.env.BENCH_CPU_PROF;
const server = await startServer({
	dataDir,
	demo: false,
	env: { LOG_LEVEL: 'info' },
	nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []
});
const searchOnly = process.env.BENCH_ONLY === 'search';
const pid = server.process.pid!;
const rss = (field: 'VmRSS' | 'VmHWM') =>
	Number(
		/\d+/.exec(
			fs
				.readFileSync(`/proc/${pid}/status`, 'utf8')
				.split('\n')
				.find((l) => l.startsWith(field))!
		)![0]
	) / 1024;

/** CPU seconds the server process used so far (user + system), from /proc: load-independent. */
function cpuSeconds() {
	const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	// utime and stime, fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux)
	return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function measure(
	title: string,
	path: string | (() => string),
	headers: Record<string, string> = {},
	goal = ''
) {
	// one connection first: the time the server spends on one request, without queueing
	await run(`${title}, 1 connection`, path, headers, 1, '');
	await run(`${title}, 20 connections`, path, headers, 20, goal);
	await new Promise((r) => setTimeout(r, 2000));
}

async function run(
	title: string,
	path: string | (() => string),
	headers: Record<string, string>,
	connections: number,
	goal: string
) {
	const mark = server.output().length;
	const cpuBefore = cpuSeconds();
	const result = await autocannon({
		url: server.url,
		connections,
		duration: 10,
		headers,
		requests: [
			typeof path === 'string' ? { path } : { setupRequest: (req) => ({ ...req, path: path() }) }
		]
	});
	const cpuMs = ((cpuSeconds() - cpuBefore) * 1000) / result.requests.total;
	const non2xx = result.non2xx + result.errors;
	const side = serverSide(mark);
	console.log(
		`${title}: ${result.requests.total} requests, client-observed p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${Math.round(result.requests.average)} req/s${non2xx ? `, ${non2xx} errors` : ''}; server-side (handler) p50 ${side.p50} ms, p99 ${side.p99} ms; server CPU ${cpuMs.toFixed(2)} ms per request ${goal}`
	);
}

const serverSide = (mark: number) => handlerTimes(server.output().slice(mark));

async function measureOcds() {
	const before = rss('VmRSS');
	const started = performance.now();
	const res = await fetch(`${server.url}/api/v1/ocds/release-package.json`);
	let bytes = 0;
	let maxRss = before;
	const reader = res.body!.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		bytes += value.length;
		maxRss = Math.max(maxRss, rss('VmRSS'));
	}
	const seconds = (performance.now() - started) / 1000;
	console.log(
		`OCDS package: ${(bytes / 1024 / 1024).toFixed(1)} MB for ${counts.c} contracts in ${seconds.toFixed(2)} s (goal < 5 s); server RSS ${before.toFixed(0)} MB before, ${maxRss.toFixed(0)} MB at most while streaming, peak of the process ${rss('VmHWM').toFixed(0)} MB`
	);
	// let the server settle between runs so one run's backlog does not weigh on the next
	await new Promise((r) => setTimeout(r, 2000));
}

async function measurePages() {
	let n = 0;
	// the contract page: a reference of what one page costs the server without a search
	await measure(
		'Contract page',
		() => `/catalogue/BENCH-${String((n++ * 37) % CONTRACTS).padStart(5, '0')}`,
		{},
		'(goal p99 < 50 ms)'
	);
	if (searchOnly) return;
	await measure(
		'Mes marchés (2,000 orders)',
		'/mes-marches',
		{ cookie: `${SESSION_COOKIE}=${token}` },
		'(goal p99 < 80 ms)'
	);
}

try {
	if (!searchOnly) await measureOcds();
	// warm up the page bundles once
	await fetch(`${server.url}/catalogue?q=securite`);
	await measure(
		'Catalogue search « securite » + 2 facets',
		'/catalogue?q=securite&statut=active&module=support',
		{},
		'(goal p50 < 30 ms, p99 < 100 ms)'
	);
	await measurePages();
} finally {
	await server.stop();
	if (process.env.BENCH_KEEP) console.log(`Data kept in ${dataDir}`);
	else fs.rmSync(dataDir, { recursive: true, force: true });
}
