/**
 * A group's page sorts its meetings into upcoming and past by the server's clock (clock.ts), the
 * one every rule of the server decides by: started 60 days ahead (CLOCK_OFFSET_MS), the server
 * shows the demo group's two meetings (20 days ago and in 14 days, seeded on the machine's day)
 * as past, as its reminders and feeds would treat them.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client } from '../support/http';
import { startServer, type TestServer } from '../support/server';

const DAY = 86_400_000;
let server: TestServer;

beforeAll(async () => {
	server = await startServer({ env: { CLOCK_OFFSET_MS: String(60 * DAY) } });
});
afterAll(() => server?.stop());

it("sorts a group's meetings into upcoming and past by the server's clock", async () => {
	const client = await new Client(server.url).login('referent@charleroi.demo');
	const res = await client.get('/groupes/1');
	expect(res.status).toBe(200);
	const html = await res.text();
	expect(html).toContain('Séance de priorisation'); // seeded 14 days ahead of the machine's day
	expect(html.match(/>Passée</g)?.length).toBe(2);
	expect(html).not.toContain('>À venir<');
});
