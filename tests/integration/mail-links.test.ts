/**
 * Links in mail come from one configured public address (ORIGIN), never from the request: the
 * Host header is whatever the sender of the request chose.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureDb } from '../support/db';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';
import { linkIn, startSmtpCatcher, type SmtpCatcher } from '../support/smtp';

let smtp: SmtpCatcher;
const servers: TestServer[] = [];

beforeAll(async () => {
	smtp = await startSmtpCatcher();
});
afterAll(async () => {
	for (const server of servers) await server.stop();
	await smtp?.close();
});

async function start(options: Parameters<typeof startServer>[0]) {
	const server = await startServer({
		...options,
		env: { SMTP_URL: smtp.url, ...options?.env }
	});
	servers.push(server);
	return server;
}

/** A form POST with exactly these headers (fetch would not let a test forge Host). */
function post(server: TestServer, path: string, fields: Record<string, string>, headers = {}) {
	const body = new URLSearchParams(fields).toString();
	return new Promise<number>((resolve, reject) => {
		const req = http.request(
			{
				host: '127.0.0.1',
				port: server.port,
				path,
				method: 'POST',
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					'content-length': Buffer.byteLength(body),
					...headers
				}
			},
			(res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode ?? 0));
			}
		);
		req.on('error', reject);
		req.end(body);
	});
}

/** What an attacker's script sends: Host and Origin both forged, so the CSRF check agrees. */
const FORGED = { host: 'evil.example', origin: 'http://evil.example' };

describe('links in mail', () => {
	it('point to http://localhost:PORT in local mode, whatever Host the request names', async () => {
		const server = await start({ origin: false, env: { NODE_ENV: 'development' } });
		expect(server.output()).toContain(`http://localhost:${server.port}`);

		expect(
			await post(server, '/mot-de-passe-oublie', { email: 'agent@tournai.demo' }, FORGED)
		).toBe(200);
		const reset = await smtp.waitFor('agent@tournai.demo', /réinitialiser/);
		expect(linkIn(reset, '/reinitialiser/')).toMatch(
			new RegExp(`^http://localhost:${server.port}/reinitialiser/[a-z0-9]+$`)
		);

		const admin = await new Client(server.url).login('admin@centrale.demo');
		const fixtures = new FixtureDb(server.dataDir);
		const organisationId = String(fixtures.organisationId('mons'));
		fixtures.close();
		const status = await post(
			server,
			'/inviter',
			{ name: 'Léa Dubois', email: 'lea.dubois@mons.be', organisationId, role: 'agent' },
			{ ...FORGED, cookie: admin.cookieHeader }
		);
		expect(status).toBe(200);
		const invitation = await smtp.waitFor('lea.dubois@mons.be', /invite/);
		expect(linkIn(invitation, '/invitation/')).toMatch(
			new RegExp(`^http://localhost:${server.port}/invitation/[a-z0-9]+$`)
		);
	});

	it('point to ORIGIN when it is set', async () => {
		const server = await start({ origin: 'https://centrale.example.be' });
		// behind its proxy the portal is reached at ORIGIN, which is the Origin browsers send
		const status = await post(
			server,
			'/mot-de-passe-oublie',
			{ email: 'agent@charleroi.demo' },
			{ host: 'evil.example', origin: 'https://centrale.example.be' }
		);
		expect(status).toBe(200);
		const reset = await smtp.waitFor('agent@charleroi.demo', /réinitialiser/);
		expect(linkIn(reset, '/reinitialiser/')).toMatch(
			/^https:\/\/centrale\.example\.be\/reinitialiser\/[a-z0-9]+$/
		);
	});
});

describe('in production (NODE_ENV=production)', () => {
	it('the server refuses to start without ORIGIN, and says why', async () => {
		const failed = await start({ origin: false }).then(
			() => null,
			(err: Error) => err.message
		);
		expect(failed).toContain('ORIGIN');
		expect(failed).toContain('NODE_ENV=production');
	});
});
