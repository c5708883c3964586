/**
 * The page may open sockets to its own origin only, and a portal served over https tells
 * browsers to stay on https.
 */
import http from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server';

const servers: TestServer[] = [];
afterAll(async () => {
	for (const server of servers) await server.stop();
});

async function start(options: Parameters<typeof startServer>[0] = {}) {
	const server = await startServer({ demo: false, ...options });
	servers.push(server);
	return server;
}

/** The headers of GET / as a browser reaching the server by `host` gets them. */
function headersOf(server: TestServer, host = `127.0.0.1:${server.port}`) {
	return new Promise<http.IncomingHttpHeaders>((resolve, reject) => {
		http
			.get({ host: '127.0.0.1', port: server.port, path: '/', headers: { host } }, (res) => {
				res.resume();
				resolve(res.headers);
			})
			.on('error', reject);
	});
}

function directive(headers: http.IncomingHttpHeaders, name: string): string[] {
	const csp = String(headers['content-security-policy'] ?? '');
	const found = csp
		.split(';')
		.map((d) => d.trim().split(/\s+/))
		.find(([key]) => key === name);
	return found?.slice(1) ?? [];
}

describe('connect-src', () => {
	it('names the sockets of ORIGIN only, and no HSTS over http', async () => {
		const server = await start();
		const headers = await headersOf(server);
		expect(directive(headers, 'connect-src')).toEqual(["'self'", `ws://127.0.0.1:${server.port}`]);
		expect(headers['strict-transport-security']).toBeUndefined();
	});

	it('in local mode, names the origin the page was reached by', async () => {
		const server = await start({ origin: false, env: { NODE_ENV: 'development' } });
		for (const host of [`localhost:${server.port}`, `192.168.1.20:${server.port}`]) {
			expect(directive(await headersOf(server, host), 'connect-src')).toEqual([
				"'self'",
				`ws://${host}`
			]);
		}
	});

	it('names wss:// behind https, and HSTS is sent', async () => {
		const server = await start({ origin: 'https://centrale.example.be' });
		const headers = await headersOf(server, 'centrale.example.be');
		expect(directive(headers, 'connect-src')).toEqual(["'self'", 'wss://centrale.example.be']);
		expect(headers['strict-transport-security']).toMatch(/^max-age=31536000; includeSubDomains$/);
	});
});
