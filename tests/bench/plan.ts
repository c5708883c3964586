/**
 * `npm run bench:plan`: the purchase plan's figures, in process (no server).
 * - feasibility, cost per budget year and decision chain for 262 communes × 30 contracts (a whole
 *   Wallonia's buyer view), each commune with its own calendar for one year: total time per run;
 * - one deliberation .docx filled and packed: p50/p99 over 300 generations;
 * - 100 generations at once: wall time and the p99 of each;
 * - the portal's other pages meanwhile: a page-sized piece of work (a printable document and a
 *   feasibility) every 5 ms, its p99 latency idle and during 100 generations at once, with the
 *   .docx packed on the main thread (as before) and in the worker pool (renderDocx).
 * Prints figures only.
 */
import { performance } from 'node:perf_hooks';
import { costByBudgetYear } from '../../src/lib/domain/plan/costs';
import { decisionChain } from '../../src/lib/domain/plan/decisions';
import { planFeasibility } from '../../src/lib/domain/plan/feasibility';
import { addMonths } from '../../src/lib/domain/plan/months';
import {
	BUILT_IN_TEMPLATES,
	fillTemplate,
	PLACEHOLDERS
} from '../../src/lib/domain/plan/templates';
import {
	closeDocxPool,
	renderDocx,
	renderDocxHere,
	renderHtml
} from '../../src/lib/server/plan/docx';

const COMMUNES = 262;
const CONTRACTS = 30;
const RUNS = 15;

const percentile = (values: number[], p: number) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (v: number) => `${v.toFixed(2)} ms`;

function buyerView(today: string) {
	let feasible = 0;
	for (let c = 0; c < COMMUNES; c++) {
		const own =
			c % 3 === 0
				? [{ year: 2027, initialVote: '2027-01-20', mb1: '2027-05-12', mb2: '2027-10-20' }]
				: [];
		for (let k = 0; k < CONTRACTS; k++) {
			const target = addMonths('2027-01', (c + k) % 20);
			const f = planFeasibility({ today, target, own });
			const years = costByBudgetYear(
				[
					{
						unitPriceCents: 1_450_000,
						quantityHundredths: 100,
						recurrence: 'yearly',
						budgetNature: 'ordinaire',
						vatRate: 21
					},
					{
						unitPriceCents: 78_000,
						quantityHundredths: 1250,
						recurrence: 'one_off',
						budgetNature: 'extraordinaire',
						vatRate: 21
					}
				],
				target,
				'2031-06-30'
			);
			decisionChain({
				contractStatus: k % 4 === 0 ? 'planned' : 'active',
				memberOfCentrale: c % 2 === 0,
				interestDeclared: false,
				adhered: false,
				recorded: [],
				amountExclVatCents: years[0]?.exclVatCents ?? 0
			});
			if (f.feasible) feasible++;
		}
	}
	return feasible;
}

const times: number[] = [];
for (let run = 0; run < RUNS; run++) {
	const start = performance.now();
	buyerView('2026-12-07');
	times.push(performance.now() - start);
}
console.log(
	`feasibility + costs + decisions, ${COMMUNES} communes × ${CONTRACTS} contracts: median ${ms(percentile(times, 50))}, max ${ms(Math.max(...times))} (goal < 200 ms)`
);

const values = Object.fromEntries(Object.keys(PLACEHOLDERS).map((k) => [k, `valeur de ${k}`]));
values.quantites = Array.from(
	{ length: 8 },
	(_, i) => `- Poste ${i} : 3 jours à 780,00 € HTVA`
).join('\n');
const text = fillTemplate(BUILT_IN_TEMPLATES.collegeOrder, values);

const one: number[] = [];
for (let i = 0; i < 300; i++) {
	const start = performance.now();
	await renderDocx(text, 'Délibération');
	one.push(performance.now() - start);
}
console.log(
	`deliberation .docx, one at a time (300): p50 ${ms(percentile(one, 50))}, p99 ${ms(percentile(one, 99))} (goal p99 < 150 ms)`
);

const wallStart = performance.now();
const each = await Promise.all(
	Array.from({ length: 100 }, async () => {
		const start = performance.now();
		await renderDocx(text, 'Délibération');
		return performance.now() - start;
	})
);
console.log(
	`100 generations at once: wall ${ms(performance.now() - wallStart)}, p99 of each ${ms(percentile(each, 99))}`
);

/**
 * Another page's latency: every 5 ms a page is due; it waits for the event loop, then does its
 * work (a printable deliberation and a feasibility). Latency = its end − when it was due.
 */
async function otherPages(during: () => Promise<unknown>, minMs = 600): Promise<number[]> {
	const latencies: number[] = [];
	let stop = false;
	const probe = (async () => {
		while (!stop) {
			const due = performance.now() + 5;
			await new Promise((r) => setTimeout(r, 5));
			renderHtml(text);
			planFeasibility({ today: '2026-12-07', target: '2027-09' });
			latencies.push(performance.now() - due);
		}
	})();
	const started = performance.now();
	await during();
	const left = minMs - (performance.now() - started);
	if (left > 0) await new Promise((r) => setTimeout(r, left));
	stop = true;
	await probe;
	return latencies;
}

const burst = (render: typeof renderDocx) => () =>
	Promise.all(Array.from({ length: 100 }, () => render(text, 'Délibération')));

for (const [label, render] of [
	['main thread', renderDocxHere],
	['worker pool', renderDocx]
] as const) {
	await render(text, 'Délibération'); // a warm pool
	const idle = percentile(await otherPages(async () => {}), 99);
	const start = performance.now();
	const busy = percentile(await otherPages(burst(render)), 99);
	console.log(
		`other pages during 100 generations (${label}): idle p99 ${ms(idle)}, busy p99 ${ms(busy)} = ${(busy / idle).toFixed(2)}× (goal ≤ 1.5×), burst wall ${ms(performance.now() - start)}`
	);
}
await closeDocxPool();
