/**
 * Stock automerge-repo clients for integration tests. The stock `WebSocketClientAdapter` opens
 * its socket with no headers, as a browser does; a browser then sends its cookie and its page's
 * Origin by itself. Here a small proxy stands for the browser: it adds both to each upgrade and
 * pipes the bytes through untouched. Pausing the proxy cuts the client off (offline), as does
 * a server that went away; pause the proxies of a server before it stops.
 */
import * as A from '@automerge/automerge';
import {
	Repo,
	generateAutomergeUrl,
	parseAutomergeUrl,
	type AutomergeUrl
} from '@automerge/automerge-repo';
import { WebSocketClientAdapter } from '@automerge/automerge-repo-network-websocket';
import http from 'node:http';
import type net from 'node:net';
import type Database from 'better-sqlite3';

export interface HeaderProxy {
	url: string;
	/** cuts every piped connection and refuses new ones until `resume` */
	pause(): void;
	resume(): void;
	close(): Promise<void>;
}

export async function headerProxy(
	target: string,
	headers: Record<string, string>
): Promise<HeaderProxy> {
	const live = new Set<net.Socket>();
	const server = http.createServer((_req, res) => res.writeHead(404).end());
	server.on('upgrade', (req, client: net.Socket, head) => {
		const upstream = http.request(new URL(req.url ?? '/', target), {
			headers: { ...req.headers, ...headers, host: new URL(target).host }
		});
		upstream.on('upgrade', (res, socket, upstreamHead) => {
			const lines = [`HTTP/1.1 101 ${res.statusMessage}`];
			for (let i = 0; i < res.rawHeaders.length; i += 2)
				lines.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
			client.write(lines.join('\r\n') + '\r\n\r\n');
			if (upstreamHead.length) client.write(upstreamHead);
			if (head.length) socket.write(head);
			for (const s of [client, socket]) {
				live.add(s);
				s.on('close', () => live.delete(s));
				s.on('error', () => s.destroy());
			}
			socket.pipe(client).pipe(socket);
			client.on('close', () => socket.destroy());
			socket.on('close', () => client.destroy());
		});
		upstream.on('response', (res) => {
			client.end(`HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n\r\n`);
		});
		upstream.on('error', () => client.destroy());
		upstream.end();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as net.AddressInfo;
	const cut = () => {
		for (const s of live) s.destroy();
	};
	return {
		url: `http://127.0.0.1:${port}`,
		// stop listening, so reconnections are refused: the stock adapter retries ECONNREFUSED
		// quietly but throws on any other socket error (a hang-up would fail the test run)
		pause() {
			server.close();
			cut();
		},
		resume() {
			server.listen(port, '127.0.0.1');
		},
		close: () =>
			new Promise((resolve) => {
				cut();
				if (server.listening) server.close(() => resolve());
				else resolve();
			})
	};
}

export interface AutomergeClient {
	repo: Repo;
	proxy: HeaderProxy;
	close(): Promise<void>;
}

/** A stock Repo with the stock websocket adapter on `/sync/automerge`, signed in by `cookie`. */
export async function connectAutomerge(baseUrl: string, cookie: string): Promise<AutomergeClient> {
	const proxy = await headerProxy(baseUrl, { cookie, origin: baseUrl });
	const adapter = new WebSocketClientAdapter(
		`${proxy.url.replace(/^http/, 'ws')}/sync/automerge`,
		200
	);
	const repo = new Repo({ network: [adapter] });
	// a find before the hub answered the join would find no peer and give up at once
	await new Promise((resolve) => repo.networkSubsystem.once('peer', resolve));
	return {
		repo,
		proxy,
		async close() {
			await repo.shutdown();
			await proxy.close();
		}
	};
}

/** The report fields as the server creates them (see src/lib/domain/reports/shape.ts). */
const EMPTY_REPORT = {
	populationBand: '',
	services: '',
	deployed: '',
	deployedWhen: '',
	costBand: '',
	lessons: '',
	pitfalls: '',
	story: '',
	ratings: { fit: null, deployment: null, support: null, value: null, citizens: null },
	wouldRecommend: null
};

export interface ReportFixture {
	reportId: number;
	docName: string;
	url: AutomergeUrl;
}

/** A report row of `organisationId` with its stored first document, written straight to SQLite. */
export function createReportFixture(
	sqlite: Database.Database,
	organisationId: number,
	options: { status?: 'draft' | 'published'; coAuthorIds?: number[] } = {}
): ReportFixture {
	const url = generateAutomergeUrl();
	const { documentId } = parseAutomergeUrl(url);
	const row = sqlite
		.prepare(
			`insert into reports (organisation_id, solution_name, supplier_name, status, automerge_id, title)
			 values (?, 'Logiciel test', 'Fournisseur test', ?, ?, 'Retour de test')`
		)
		.run(organisationId, options.status ?? 'draft', documentId);
	const reportId = Number(row.lastInsertRowid);
	for (const userId of options.coAuthorIds ?? [])
		sqlite
			.prepare('insert into report_authors (report_id, user_id) values (?, ?)')
			.run(reportId, userId);
	const docName = `report:${reportId}`;
	const doc = A.from<Record<string, unknown>>(structuredClone(EMPTY_REPORT));
	sqlite
		.prepare(
			`insert into documents (name, kind, snapshot, snapshot_seq, updated_at) values (?, 'report', ?, 0, ?)`
		)
		.run(docName, Buffer.from(A.save(doc)), Date.now());
	sqlite
		.prepare('insert into report_actors (report_id, actor, user_id) values (?, ?, null)')
		.run(reportId, A.getActorId(doc));
	return { reportId, docName, url };
}
