/**
 * Request bodies: a form that cannot be read is the sender's mistake (400, in French), and a body
 * is bounded by what its route can need: a small limit everywhere, the large one only where
 * documents are uploaded, whether the body says its length or arrives in chunks.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

const MB = 1024 * 1024;
const ENHANCED = { 'x-sveltekit-action': 'true', accept: 'application/json' };

interface Answer {
	status: number;
	text: string;
}

/**
 * Sends a raw request, its body either with a Content-Length or in chunks without one (as a
 * script can). The answer may come before the whole body was sent; that is the point of a limit.
 */
function send(
	path: string,
	body: Buffer,
	headers: Record<string, string>,
	framing: 'length' | 'chunked' = 'length'
): Promise<Answer> {
	return new Promise((resolve, reject) => {
		let answered = false;
		const req = http.request(
			{
				host: '127.0.0.1',
				port: server.port,
				path,
				method: 'POST',
				headers: {
					origin: server.url,
					...(framing === 'length' ? { 'content-length': String(body.length) } : {}),
					...headers
				}
			},
			(res) => {
				answered = true;
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (d) => (text += d));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
			}
		);
		// the server may close once it has answered, while the rest is still being sent
		req.on('error', (err) => answered || reject(new Error(`${path}: ${err.message}`)));
		if (framing === 'length') return req.end(body);
		// in 64 KB chunks, as a streaming client would send them
		let offset = 0;
		const next = () => {
			while (offset < body.length) {
				const chunk = body.subarray(offset, offset + 64 * 1024);
				offset += chunk.length;
				if (!req.write(chunk)) return req.once('drain', next);
			}
			req.end();
		};
		next();
	});
}

const MULTIPART = 'multipart/form-data; boundary=----centrale';
const GARBAGE = Buffer.from('------centrale\r\nContent-Disposition: form-data; name="email"\r\n');
const urlencoded = (size: number) =>
	Buffer.from('email=agent%40tournai.demo&password=' + 'x'.repeat(size));

describe('a malformed form', () => {
	it('answers 400 with a French message, not 500, on a page and as use:enhance sees it', async () => {
		const page = await send('/login', GARBAGE, { 'content-type': MULTIPART, accept: 'text/html' });
		expect(page.status).toBe(400);
		expect(page.text).toContain('Le formulaire envoyé est illisible');
		const enhanced = await send('/mot-de-passe-oublie', GARBAGE, {
			'content-type': MULTIPART,
			...ENHANCED
		});
		expect(enhanced.status).toBe(400);
		expect(JSON.parse(enhanced.text)).toMatchObject({
			type: 'error',
			error: { message: expect.stringContaining('Le formulaire envoyé est illisible') }
		});
	});

	it('answers 400 on a signed-in page too, and for a multipart body without a boundary', async () => {
		const referent = await new Client(server.url).login('referent@charleroi.demo');
		const res = await referent.request('/compte?/password', {
			method: 'POST',
			body: 'pas un formulaire',
			headers: { 'content-type': 'multipart/form-data', ...ENHANCED }
		});
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('Le formulaire envoyé est illisible');
	});
});

describe('body size', () => {
	it('refuses a 2 MB login form with 413 and a French message, before reading it', async () => {
		const page = await send('/login', urlencoded(2 * MB), {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html'
		});
		expect(page.status).toBe(413);
		expect(page.text).toContain('Le formulaire envoyé est trop volumineux');
		const enhanced = await send('/login', urlencoded(2 * MB), {
			'content-type': 'application/x-www-form-urlencoded',
			...ENHANCED
		});
		expect(enhanced.status).toBe(413);
		expect(JSON.parse(enhanced.text)).toMatchObject({
			type: 'error',
			error: { message: expect.stringContaining('trop volumineux') }
		});
	});

	it('bounds a chunked body without Content-Length the same way', async () => {
		const res = await send(
			'/login',
			urlencoded(2 * MB),
			{ 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			'chunked'
		);
		expect(res.status).toBe(413);
		expect(res.text).toContain('Le formulaire envoyé est trop volumineux');
	});

	it('still reads an ordinary form just under the small limit', async () => {
		const res = await send('/login', urlencoded(200 * 1024), {
			'content-type': 'application/x-www-form-urlencoded',
			...ENHANCED
		});
		expect(res.status).toBe(200);
		expect(res.text).toContain('Adresse e-mail ou mot de passe incorrect.');
	});

	it('survives a request target no URL parser accepts', async () => {
		const res = await send('//', urlencoded(10), {
			'content-type': 'application/x-www-form-urlencoded'
		});
		expect(res.status).toBeLessThan(500);
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
	});

	it('keeps the large limit for document uploads only, bounded there too', async () => {
		const buyer = await new Client(server.url).login('acheteur@igretec.demo');
		const path = '/gestion/marches/IGR-2025-AFF-03?/document';
		const pdf = Buffer.alloc(4 * MB, 0x20);
		pdf.write('%PDF-1.4\n');
		const form = (file: Buffer) =>
			Buffer.concat([
				Buffer.from(
					'------centrale\r\nContent-Disposition: form-data; name="title"\r\n\r\nCahier des charges\r\n' +
						'------centrale\r\nContent-Disposition: form-data; name="kind"\r\n\r\ncahier-des-charges\r\n' +
						'------centrale\r\nContent-Disposition: form-data; name="file"; filename="cdc.pdf"\r\n' +
						'Content-Type: application/pdf\r\n\r\n'
				),
				file,
				Buffer.from('\r\n------centrale--\r\n')
			]);
		const headers = { 'content-type': MULTIPART, cookie: buyer.cookieHeader, ...ENHANCED };
		const accepted = await send(path, form(pdf), headers);
		expect(accepted.status).toBe(200);
		expect(JSON.parse(accepted.text).type).toBe('success');
		// the same 4 MB anywhere else is refused
		const elsewhere = await send(
			'/gestion/marches/IGR-2025-AFF-03?/enregistrer',
			form(pdf),
			headers
		);
		expect(elsewhere.status).toBe(413);
		const tooBig = await send(path, form(Buffer.alloc(12 * MB, 0x20)), headers);
		expect(tooBig.status).toBe(413);
		const tooBigChunked = await send(path, form(Buffer.alloc(12 * MB, 0x20)), headers, 'chunked');
		expect(tooBigChunked.status).toBe(413);
	});
});
