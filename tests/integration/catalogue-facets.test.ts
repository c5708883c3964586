/**
 * The catalogue's facets count what a click shows: for every option of every list of filters,
 * the number beside it is the number of contracts the page lists once it is ticked, and each of
 * them shows that status. Checked today and a few months later (clock shifted), when contracts
 * that are stored as running show as expiring or ended.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server';

const DAY_MS = 86_400_000;
const FACETS = ['statut', 'thematique', 'module', 'centrale'] as const;
/** the searches people start from: the default page, a word, open now, ended ones included */
const STARTS = ['', 'q=audit', 'ouvert=1', 'termines=1', 'statut=active'];

let today: TestServer;
let later: TestServer;
beforeAll(async () => {
	today = await startServer();
	// the same catalogue 200 days later: the demo's expiring telephony contract (ending within
	// 9 months, extension included) has ended, and its relaunch is there
	const seeded = await startServer();
	await seeded.stop();
	later = await startServer({
		dataDir: seeded.dataDir,
		env: { CLOCK_OFFSET_MS: String(200 * DAY_MS) }
	});
});
afterAll(async () => {
	await Promise.all([today?.stop(), later?.stop()]);
});

/** The options of one list of filters on a catalogue page, with the count shown beside each. */
function facetCounts(html: string, name: string): Map<string, number> {
	const pattern = new RegExp(
		`name="${name}" value="([^"]+)"[^>]*/>[^<]*<span class="count[^"]*">\\((\\d+)\\)</span>`,
		'g'
	);
	return new Map([...html.matchAll(pattern)].map((m) => [m[1], Number(m[2])]));
}

interface ApiPage {
	total: number;
	data: { reference: string; status: string }[];
}

async function expectCountsMatchClicks(server: TestServer) {
	for (const start of STARTS) {
		const html = await (await fetch(`${server.url}/catalogue?${start}`)).text();
		for (const facet of FACETS) {
			const counts = facetCounts(html, facet);
			expect(counts.size, `${facet} options on ?${start}`).toBeGreaterThan(0);
			for (const [value, count] of counts) {
				const params = new URLSearchParams(start);
				if (params.getAll(facet).includes(value)) continue;
				params.append(facet, value);
				const clicked = `${server.url}/api/v1/contracts?${params}&par_page=100`;
				const page = (await (await fetch(clicked)).json()) as ApiPage;
				// ticking an option adds its contracts to those of the options already ticked (a
				// contract has one status, and the starting pages tick nothing else)
				const ticked = params.getAll(facet).map((v) => (v === value ? count : counts.get(v)!));
				const label = `${facet}=${value} on ?${start}`;
				expect(page.total, label).toBe(ticked.reduce((a, b) => a + b, 0));
				if (facet === 'statut') {
					const shown = new Set(page.data.map((c) => c.status));
					if (count) expect(shown.has(value), label).toBe(true);
					for (const status of shown) expect(params.getAll('statut'), label).toContain(status);
				}
			}
		}
	}
}

describe('catalogue facets', () => {
	it('count what a click shows, ended contracts included though hidden by default', async () => {
		const html = await (await fetch(`${today.url}/catalogue`)).text();
		expect(facetCounts(html, 'statut').get('ended')).toBe(2);
		expect(facetCounts(html, 'statut').get('cancelled')).toBe(1);
		await expectCountsMatchClicks(today);
	});

	it('count contracts by the status they show once their dates have passed', async () => {
		const html = await (await fetch(`${later.url}/catalogue`)).text();
		// the two stored as ended and the telephony contract, stored as expiring, past its end
		expect(facetCounts(html, 'statut').get('ended')).toBe(3);
		await expectCountsMatchClicks(later);
	});

	it('flag an ended contract replaced by its relaunch, with a link to the successor', async () => {
		const html = await (await fetch(`${later.url}/catalogue?q=telephonie&termines=1`)).text();
		const card = html.slice(html.indexOf('/catalogue/IDETA-2022-TEL-01"'));
		const end = card.indexOf('</li>');
		expect(card.slice(0, end)).toContain('Remplacé');
		expect(card.slice(0, end)).toContain(
			'href="/catalogue/IDETA-2026-TEL-02">Téléphonie IP et mobile (relance)'
		);
		// the relaunch itself is not flagged
		const relaunch = html.slice(html.indexOf('/catalogue/IDETA-2026-TEL-02"'));
		expect(relaunch.slice(0, relaunch.indexOf('</li>'))).not.toContain('Remplacé');
	});
});
