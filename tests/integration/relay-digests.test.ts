/**
 * Digests on a real SQLite file and a real SMTP server: one mail per person per period with what
 * they chose to receive that way, grouped by subject, text and HTML; nothing when nothing is new.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '../../src/lib/server/db/client';
import { notificationPreferences, organisations, users } from '../../src/lib/server/db/schema';
import { closeSmtpTransport } from '../../src/lib/server/mail/transport';
import { sendDigests } from '../../src/lib/server/relay/digests';
import { notify } from '../../src/lib/server/relay/notify';
import { tempDataDir } from '../support/server';
import { startSmtpCatcher, type SmtpCatcher } from '../support/smtp';

let smtp: SmtpCatcher;
const ids: Record<'dora' | 'emile' | 'fanny', number> = { dora: 0, emile: 0, fanny: 0 };
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
	smtp = await startSmtpCatcher();
	process.env.DATA_DIR = tempDataDir('centrale-relay-digest-');
	process.env.SMTP_URL = smtp.url;
	process.env.LOG_LEVEL = 'silent';
	const db = getDb();
	const org = db
		.insert(organisations)
		.values({ kind: 'commune', name: 'Mons', searchName: 'mons', slug: 'mons' })
		.returning()
		.get();
	for (const name of Object.keys(ids) as (keyof typeof ids)[]) {
		ids[name] = db
			.insert(users)
			.values({
				email: `${name}@mons.test`,
				name,
				role: 'agent',
				organisationId: org.id,
				passwordHash: 'x'
			})
			.returning()
			.get().id;
	}
	db.insert(notificationPreferences)
		.values([
			{ userId: ids.emile, kind: 'announcement', channel: 'weekly' },
			{ userId: ids.fanny, kind: 'group', channel: 'app' }
		])
		.run();
	const everyone = Object.values(ids);
	notify(
		everyone,
		{ kind: 'group.phase', title: 'Le groupe passe à la priorisation', link: '/groupes/3' },
		at('2027-01-14T09:00:00Z')
	);
	notify(
		everyone,
		{ kind: 'group.session', title: 'Nouvelle séance du groupe', link: '/groupes/3/seances' },
		at('2027-01-14T10:00:00Z')
	);
	notify(
		everyone,
		{ kind: 'announcement', title: 'Nouveau marché de téléphonie', link: '/annonces/4' },
		at('2027-01-14T11:00:00Z')
	);
});

afterAll(async () => {
	closeSmtpTransport();
	await smtp.close();
	closeDb();
	delete process.env.SMTP_URL;
});

describe('digests', () => {
	it('sends one daily digest per person who chose it, grouped by subject', async () => {
		expect(sendDigests('daily', at('2027-01-14T06:00:00Z'), at('2027-01-15T06:00:00Z'))).toBe(2);
		const dora = await smtp.waitFor('dora@mons.test', /résumé du jour/);
		await smtp.waitFor('emile@mons.test', /résumé du jour/);
		expect(dora.text).toContain('■ Groupe de travail');
		expect(dora.text.indexOf('Le groupe passe')).toBeLessThan(dora.text.indexOf('Nouvelle séance'));
		expect(dora.text).not.toContain('téléphonie'); // announcements: her immediate mail
		expect(dora.raw).toContain('text/html');
		expect(dora.text).toContain('/desabonnement/');
		expect(
			smtp.mails.filter((m) => m.to.includes('fanny@mons.test') && /résumé/.test(m.subject))
		).toHaveLength(0);
	});

	it('sends the weekly digest to whoever chose it for announcements', async () => {
		expect(sendDigests('weekly', at('2027-01-11T06:00:00Z'), at('2027-01-18T06:00:00Z'))).toBe(1);
		const emile = await smtp.waitFor('emile@mons.test', /résumé de la semaine/);
		expect(emile.text).toContain('Nouveau marché de téléphonie');
	});

	it('sends nothing when nothing is new', () => {
		expect(sendDigests('daily', at('2027-01-15T06:00:00Z'), at('2027-01-16T06:00:00Z'))).toBe(0);
	});
});
