/**
 * Demo peer exchange. « Nous l'utilisons »: uses declared with and without contact consent, so « Qui utilise
 * quoi ? » has something to filter and a peer to write to. Charleroi's referents and Tournai's
 * agents accept messages; Mons and Ath declare without consent.
 */
import { eq } from 'drizzle-orm';
import { brusselsDay, brusselsInstant } from '../../../domain/brussels-time';
import type { Module } from '../../../domain/catalogue/types';
import { solutionKey } from '../../../domain/peers/usage';
import { normalizeForSearch } from '../../../domain/text';
import { now } from '../../clock';
import type { Db } from '../client';
import {
	contracts,
	organisations,
	peerEventContracts,
	peerEventRegistrations,
	peerEvents,
	solutionUsages,
	users
} from '../schema';

interface DemoUsage {
	commune: string;
	contract?: string;
	name?: string;
	supplier?: string;
	modules: Module[];
	version: string;
	since: string;
	agents: boolean;
	referents: boolean;
}

const USAGES: DemoUsage[] = [
	{
		commune: 'charleroi',
		contract: 'IGR-2025-EGU-01',
		modules: ['software', 'support', 'training'],
		version: 'Guichet citoyen 4.2',
		since: '2025-09',
		agents: false,
		referents: true
	},
	{
		commune: 'tournai',
		name: 'Logiciel de gestion de la population',
		supplier: 'Civadis',
		modules: ['software'],
		version: 'Saphir 2024',
		since: '2021-01',
		agents: true,
		referents: false
	},
	{
		commune: 'charleroi',
		name: 'Logiciel de gestion de la population',
		supplier: 'Civadis',
		modules: ['software', 'support'],
		version: 'Saphir 2024',
		since: '2019-06',
		agents: true,
		referents: true
	},
	{
		commune: 'mons',
		contract: 'IDEA-2025-CYB-02',
		modules: ['audit'],
		version: '',
		since: '2025-11',
		agents: false,
		referents: false
	},
	{
		commune: 'ath',
		name: 'Plateforme de délibérations en ligne',
		supplier: 'iA.Delib (IMIO)',
		modules: ['software', 'training'],
		version: '4.2',
		since: '2023-02',
		agents: false,
		referents: false
	}
];

export function seedDemoUsages(db: Db) {
	const idOf = (slug: string) =>
		db
			.select({ id: organisations.id })
			.from(organisations)
			.where(eq(organisations.slug, slug))
			.get()?.id;
	const contractOf = (reference: string) =>
		db
			.select({ id: contracts.id, title: contracts.title })
			.from(contracts)
			.where(eq(contracts.reference, reference))
			.get();
	for (const u of USAGES) {
		const organisationId = idOf(u.commune);
		if (!organisationId) throw new Error(`demo usages: no ${u.commune}`);
		const contract = u.contract ? contractOf(u.contract) : undefined;
		if (u.contract && !contract) throw new Error(`demo usages: no contract ${u.contract}`);
		const identity = {
			contractId: contract?.id ?? null,
			solutionName: u.name ?? '',
			supplierName: u.supplier ?? ''
		};
		db.insert(solutionUsages)
			.values({
				...identity,
				organisationId,
				solutionKey: solutionKey(identity),
				modules: u.modules,
				version: u.version,
				since: u.since,
				contactAgents: u.agents,
				contactReferents: u.referents,
				search: normalizeForSearch(
					`${contract?.title ?? u.name} ${identity.supplierName} ${u.version}`
				)
			})
			.run();
	}
}

const DAY_MS = 86_400_000;

/** Two upcoming rencontres: a user club run by IGRETEC and a visit organised by Charleroi. */
export function seedDemoEvents(db: Db) {
	const at = now().getTime();
	const org = (slug: string) =>
		db
			.select({ id: organisations.id })
			.from(organisations)
			.where(eq(organisations.slug, slug))
			.get()!.id;
	const person = (email: string) =>
		db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()?.id ?? null;
	const guichet = db
		.select({ id: contracts.id })
		.from(contracts)
		.where(eq(contracts.reference, 'IGR-2025-EGU-01'))
		.get();
	/** 9:30 or 14:00 in Brussels, `days` from now */
	const startIn = (days: number, hour: number, minute = 0) =>
		brusselsInstant(brusselsDay(new Date(at + days * DAY_MS)), hour, minute);
	const club = db
		.insert(peerEvents)
		.values({
			title: 'Club des utilisateurs du guichet citoyen',
			topic:
				'Retours des communes qui ont déployé le guichet citoyen : formulaires, paiement en ligne, ' +
				'accompagnement du fournisseur. Démonstration de la version 4.2.',
			startsAt: startIn(21, 9, 30),
			endsAt: startIn(21, 12, 30),
			place: 'IGRETEC, boulevard Mayence 1, 6000 Charleroi',
			videoUrl: 'https://visio.example.be/club-guichet',
			capacity: 30,
			organiserId: person('acheteur@igretec.demo'),
			organiserOrganisationId: org('igretec')
		})
		.returning({ id: peerEvents.id })
		.get();
	if (guichet)
		db.insert(peerEventContracts).values({ eventId: club.id, contractId: guichet.id }).run();
	db.insert(peerEventRegistrations)
		.values({
			eventId: club.id,
			organisationId: org('mons'),
			participants: 3,
			registeredBy: person('referent@mons.demo')
		})
		.run();
	db.insert(peerEvents)
		.values({
			title: 'Visite : la gestion de la population à Charleroi',
			topic: 'Une matinée au service Population de Charleroi pour voir Saphir au quotidien.',
			startsAt: startIn(42, 9),
			endsAt: startIn(42, 12),
			place: 'Hôtel de ville de Charleroi, place Charles II',
			capacity: 12,
			solutions: ['Logiciel de gestion de la population (Civadis)'],
			organiserId: person('referent@charleroi.demo'),
			organiserOrganisationId: org('charleroi')
		})
		.run();
}
