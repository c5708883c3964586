/**
 * Announcements on a real SQLite file and a real SMTP server: a critical relaunch reaches every
 * adherent commune the centrale serves once (Seneffe lies on two territories), in the portal and
 * by mail; a commune acknowledges once; the buyer's view counts right; the escalation reminds,
 * then writes to referents, then lists for a call, each once per commune however often it runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '../../src/lib/server/db/client';
import {
	adhesions,
	contracts,
	follows,
	notifications,
	organisations,
	territories,
	users
} from '../../src/lib/server/db/schema';
import { closeSmtpTransport } from '../../src/lib/server/mail/transport';
import { announcementSchema } from '../../src/lib/server/relay/announcement-form';
import {
	findAnnouncement,
	pendingAcknowledgements,
	previewAudience,
	publishAnnouncement
} from '../../src/lib/server/relay/announcements';
import { runEscalations } from '../../src/lib/server/relay/escalation';
import { acknowledge, receiptsCsv, receiptsOf } from '../../src/lib/server/relay/receipts';
import { tempDataDir } from '../support/server';
import { startSmtpCatcher, type SmtpCatcher } from '../support/smtp';

let smtp: SmtpCatcher;
const org: Record<string, number> = {};
const person: Record<string, { id: number; organisationId: number }> = {};
let contractId = 0;

function addOrg(slug: string, kind: 'commune' | 'intercommunale') {
	org[slug] = getDb()
		.insert(organisations)
		.values({ kind, name: slug[0].toUpperCase() + slug.slice(1), searchName: slug, slug })
		.returning()
		.get().id;
}

function addPerson(email: string, slug: string, role: 'agent' | 'referent' | 'buyer') {
	const row = getDb()
		.insert(users)
		.values({
			email,
			name: email.split('@')[0],
			role,
			organisationId: org[slug],
			passwordHash: 'x'
		})
		.returning()
		.get();
	person[email] = { id: row.id, organisationId: row.organisationId };
}

beforeAll(async () => {
	smtp = await startSmtpCatcher();
	process.env.DATA_DIR = tempDataDir('centrale-relay-ann-');
	process.env.SMTP_URL = smtp.url;
	process.env.LOG_LEVEL = 'silent';
	const db = getDb();
	for (const slug of ['igretec', 'idea', 'ideta']) addOrg(slug, 'intercommunale');
	for (const slug of ['seneffe', 'charleroi', 'tournai']) addOrg(slug, 'commune');
	db.insert(territories)
		.values([
			{ communeId: org.seneffe, intercommunaleId: org.igretec },
			{ communeId: org.seneffe, intercommunaleId: org.idea },
			{ communeId: org.charleroi, intercommunaleId: org.igretec },
			{ communeId: org.tournai, intercommunaleId: org.ideta }
		])
		.run();
	addPerson('buyer@igretec.test', 'igretec', 'buyer');
	addPerson('ref@seneffe.test', 'seneffe', 'referent');
	addPerson('agent@seneffe.test', 'seneffe', 'agent');
	addPerson('ref@charleroi.test', 'charleroi', 'referent');
	addPerson('agent@charleroi.test', 'charleroi', 'agent');
	addPerson('agent@tournai.test', 'tournai', 'agent');
	contractId = db
		.insert(contracts)
		.values({
			reference: 'IGR-2027-01',
			title: 'Gestion des courriers',
			theme: 'courrier',
			centraleId: org.igretec,
			procedure: 'open',
			status: 'expiring'
		})
		.returning()
		.get().id;
	db.insert(adhesions)
		.values(
			['seneffe', 'charleroi', 'tournai'].map((slug) => ({
				contractId,
				organisationId: org[slug],
				decisionReference: 'CB-1',
				decisionDate: '2026-01-10'
			}))
		)
		.run();
});

afterAll(async () => {
	closeSmtpTransport();
	await smtp.close();
	closeDb();
	delete process.env.SMTP_URL;
});

// Monday 11 January 2027, 10:00 Brussels
const PUBLISHED = new Date('2027-01-11T09:00:00Z');
const input = () => {
	const parsed = announcementSchema.safeParse({
		kind: 'relaunch',
		title: 'Relance du marché courrier',
		body: 'Le marché **IGR-2027-01** est relancé : une nouvelle adhésion sera nécessaire.',
		contractId: String(contractId),
		audienceKind: 'adherents',
		requiresAck: 'on',
		escalationWorkingDays: '3'
	});
	if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
	return parsed.data;
};

describe('announcements with acknowledgement', () => {
	let id = 0;

	it('shows the resolved count before sending: served adherents only, Seneffe once', () => {
		expect(previewAudience(org.igretec, { kind: 'adherents', contractId })).toMatchObject({
			count: 2,
			people: 4,
			names: ['Charleroi', 'Seneffe']
		});
	});

	it('reaches the communes of a contract’s followers: opt-outs left out, served communes only', () => {
		const db = getDb();
		const at = new Date('2027-01-04T09:00:00Z');
		const row = (email: string, optOut: boolean) => ({
			userId: person[email].id,
			subjectKind: 'contract' as const,
			subjectId: String(contractId),
			optOut,
			createdAt: at
		});
		// both Seneffe people clicked « Ne plus suivre »; Tournai follows but IGRETEC does not serve it
		db.insert(follows)
			.values([
				row('ref@seneffe.test', true),
				row('agent@seneffe.test', true),
				row('agent@tournai.test', false)
			])
			.run();
		expect(previewAudience(org.igretec, { kind: 'followers', contractId })).toMatchObject({
			count: 1,
			names: ['Charleroi']
		});
		db.delete(follows).run();
		expect(previewAudience(org.igretec, { kind: 'followers', contractId })).toMatchObject({
			count: 2,
			names: ['Charleroi', 'Seneffe']
		});
	});

	it('publishes to every person of the reached communes, in the portal and by mail', async () => {
		const result = publishAnnouncement(person['buyer@igretec.test'], input(), PUBLISHED);
		id = result.id;
		expect(result).toMatchObject({ organisations: 2, notified: 4, mailed: 4 });
		for (const email of [
			'ref@seneffe.test',
			'agent@seneffe.test',
			'ref@charleroi.test',
			'agent@charleroi.test'
		]) {
			const mail = await smtp.waitFor(email, /Relance du marché courrier/);
			expect(mail.text).toContain(`/annonces/${id}`);
		}
		expect(smtp.mails.filter((m) => m.to.includes('agent@tournai.test'))).toHaveLength(0);
		expect(getDb().select().from(notifications).all()).toHaveLength(4);
		expect(pendingAcknowledgements(org.seneffe).map((a) => a.id)).toEqual([id]);
	});

	it('lets one member acknowledge for the commune, once', () => {
		expect(acknowledge(id, person['agent@seneffe.test'])).toBe(true);
		expect(acknowledge(id, person['ref@seneffe.test'])).toBe(false);
		expect(acknowledge(id, person['agent@tournai.test'])).toBe(false); // not reached
		expect(pendingAcknowledgements(org.seneffe)).toEqual([]);
		const receipts = receiptsOf(findAnnouncement(id)!, '2027-01-11');
		expect(receipts.map((r) => [r.name, r.status, r.acknowledgedBy])).toEqual([
			['Charleroi', 'unopened', null],
			['Seneffe', 'acknowledged', 'agent']
		]);
		const csv = receiptsCsv(findAnnouncement(id)!);
		expect(csv).toContain('Seneffe;Accusé de lecture;agent');
		expect(csv).toContain('Charleroi;Pas encore ouverte');
	});

	it('escalates the commune that has not acknowledged, each stage once', async () => {
		const mailsTo = (email: string) => smtp.mails.filter((m) => m.to.includes(email)).length;
		const at = (iso: string) => new Date(iso);
		expect(runEscalations(at('2027-01-13T08:00:00Z'))).toBe(0); // 2 working days
		expect(runEscalations(at('2027-01-14T07:00:00Z'))).toBe(1); // 3rd working day: reminder
		expect(runEscalations(at('2027-01-14T15:00:00Z'))).toBe(0); // same day again: nothing
		await smtp.waitFor('agent@charleroi.test', /^Rappel/);
		expect(runEscalations(at('2027-01-19T07:00:00Z'))).toBe(1); // referent only
		await new Promise((r) => setTimeout(r, 500));
		expect(mailsTo('ref@charleroi.test')).toBe(3);
		expect(mailsTo('agent@charleroi.test')).toBe(2);
		expect(mailsTo('agent@seneffe.test')).toBe(1); // acknowledged: never reminded
		expect(runEscalations(at('2027-01-22T07:00:00Z'))).toBe(0); // « à appeler »: listed, not mailed
		const [charleroi] = receiptsOf(findAnnouncement(id)!, '2027-01-22');
		expect(charleroi.stage).toBe('call');
	});
});
