/**
 * bench:reports' load: stock automerge-repo clients (the WebSocket client adapter over `ws`) on a
 * few report documents, every client typing into `story` at a fixed rate, each at its own phase
 * (a fixed seed, so both servers of a comparison get the same ones). Each change inserts a token
 * naming its writer and number; every other client of the report records when the token arrives.
 * A change counts once every other client has it; its latency is the slowest one's.
 *
 * All the clients of a server reach it through one header proxy (tests/support), which adds the
 * session cookie and Origin a browser would send: the stock adapter sends no headers. The stock
 * server gets the same proxy, so both pay the same extra hop.
 */
import { Repo, splice, type AutomergeUrl, type DocHandle } from '@automerge/automerge-repo';
import { WebSocketClientAdapter } from '@automerge/automerge-repo-network-websocket';
import { headerProxy, type HeaderProxy } from '../support/automerge-client';
import { percentile } from './sync-support';

export type Report = { story: string };

export interface ReportLoadOptions {
	clientsPerReport: number;
	changesPerSecond: number;
	warmupMs: number;
	measureMs: number;
}

export interface ReportLoadResult {
	sent: number;
	completed: number;
	changesPerSecond: number;
	deliveriesPerSecond: number;
	/** messages the server sent the clients, all kinds (sync, acknowledgements, presence) */
	messagesPerSecond: number;
	p50: number;
	p99: number;
	max: number;
}

/** The proxy every client of `serverUrl` goes through (cookie and Origin added when given). */
export function proxyTo(serverUrl: string, cookie?: string): Promise<HeaderProxy> {
	return headerProxy(serverUrl, { origin: serverUrl, ...(cookie ? { cookie } : {}) });
}

/** A stock Repo connected to `/sync/automerge` through `proxy`, once the server said hello. */
export async function openRepo(proxy: HeaderProxy): Promise<Repo> {
	// the adapter's default retry (5 s): a shorter one opens a second socket when the first
	// takes longer than that to open (a loaded machine), and never closes the first
	const adapter = new WebSocketClientAdapter(`${proxy.url.replace(/^http/, 'ws')}/sync/automerge`);
	const repo = new Repo({ network: [adapter] });
	// a find before the server answered the join would find no peer and give up at once
	await new Promise((resolve) => repo.networkSubsystem.once('peer', resolve));
	return repo;
}

/** `repo.find`, retried while the document has not reached the server yet (stock server). */
export async function findReport(repo: Repo, url: AutomergeUrl): Promise<DocHandle<Report>> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await repo.find<Report>(url);
		} catch (err) {
			if (attempt === 20) throw err;
			await new Promise((r) => setTimeout(r, 100));
		}
	}
}

const TOKEN = /\{(\d+)\.(\d+)\}/g;

export async function runReportLoad(
	proxy: HeaderProxy,
	urls: AutomergeUrl[],
	options: ReportLoadOptions
): Promise<ReportLoadResult> {
	const clients: { repo: Repo; handle: DocHandle<Report>; report: number }[] = [];
	for (const [report, url] of urls.entries()) {
		const opened = await Promise.all(
			Array.from({ length: options.clientsPerReport }, async () => {
				const repo = await openRepo(proxy);
				return { repo, handle: await findReport(repo, url), report };
			})
		);
		clients.push(...opened);
	}
	const receivers = options.clientsPerReport - 1;
	const pending = new Map<string, { sentAt: number; remaining: number; slowest: number }>();
	const latencies: number[] = [];
	let measuring = false;
	let sent = 0;
	let deliveries = 0;
	let messages = 0;
	for (const { repo } of clients) repo.networkSubsystem.on('message', () => messages++);

	clients.forEach(({ handle }, self) => {
		handle.on('change', ({ patches }) => {
			const now = performance.now();
			for (const patch of patches) {
				if (patch.action !== 'splice' || patch.path[0] !== 'story') continue;
				for (const [token, writer] of patch.value.matchAll(TOKEN)) {
					if (Number(writer) === self) continue;
					const entry = pending.get(token);
					if (!entry) continue;
					deliveries++;
					entry.slowest = Math.max(entry.slowest, now - entry.sentAt);
					if (--entry.remaining > 0) continue;
					pending.delete(token);
					if (measuring) latencies.push(entry.slowest);
				}
			}
		});
	});

	const period = 1000 / options.changesPerSecond;
	const phase = seededRandom(20261207);
	const timers: NodeJS.Timeout[] = [];
	clients.forEach(({ handle }, self) => {
		let n = 0;
		const tick = () => {
			const token = `{${self}.${n++}}`;
			pending.set(token, { sentAt: performance.now(), remaining: receivers, slowest: 0 });
			if (measuring) sent++;
			handle.change((d) => splice(d, ['story'], d.story.length, 0, token));
		};
		timers.push(setTimeout(() => timers.push(setInterval(tick, period)), phase() * period));
	});

	await new Promise((r) => setTimeout(r, options.warmupMs));
	measuring = true;
	deliveries = 0;
	messages = 0;
	const startedAt = performance.now();
	await new Promise((r) => setTimeout(r, options.measureMs));
	const seconds = (performance.now() - startedAt) / 1000;
	measuring = false;
	const completed = latencies.length;
	const deliveriesPerSecond = deliveries / seconds;
	const messagesPerSecond = messages / seconds;
	timers.forEach(clearTimeout); // intervals and the timeouts that start them alike
	await Promise.all(clients.map((c) => c.repo.shutdown()));

	latencies.sort((x, y) => x - y);
	return {
		sent,
		completed,
		changesPerSecond: completed / seconds,
		deliveriesPerSecond,
		messagesPerSecond,
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		max: latencies[latencies.length - 1] ?? NaN
	};
}

/** mulberry32: a small deterministic generator in [0, 1) */
function seededRandom(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
