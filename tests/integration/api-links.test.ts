/**
 * Links in the JSON API and the OCDS package come from the one configured public address, never
 * from the request: its Host header is whatever the caller chose, and a cached answer would hand
 * a forged one to everyone. Local mode (no ORIGIN) is where the Host would otherwise be believed.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer({ origin: false, env: { NODE_ENV: 'development' } });
});
afterAll(async () => {
	await server?.stop();
});

/** A GET with a forged Host header (fetch would not let a test forge Host). */
function getForged(path: string) {
	return new Promise<{ status: number; body: string }>((resolve, reject) => {
		const req = http.request(
			{ host: '127.0.0.1', port: server.port, path, headers: { host: 'evil.example' } },
			(res) => {
				let body = '';
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => (body += chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
			}
		);
		req.on('error', reject);
		req.end();
	});
}

describe('links in API answers, whatever Host the request names', () => {
	it.each([
		'/api/v1/contracts?par_page=3&page=2',
		'/api/v1/contracts/IDEA-2025-CYB-02',
		'/api/v1/ocds/release-package.json',
		'/api/v1/usages?pageSize=1&page=2',
		'/api/v1/events?pageSize=1',
		'/api/v1/reports?pageSize=1&page=2'
	])('%s points to the public address', async (path) => {
		const { status, body } = await getForged(path);
		expect(status).toBe(200);
		expect(body).not.toContain('evil.example');
		expect(body).toContain(`http://localhost:${server.port}/`);
	});

	it('page links of the contract list keep the query on the public address', async () => {
		const { body } = await getForged('/api/v1/contracts?par_page=3&page=2');
		const { links } = JSON.parse(body) as { links: Record<string, string> };
		expect(links.next).toBe(`http://localhost:${server.port}/api/v1/contracts?par_page=3&page=3`);
	});
});
