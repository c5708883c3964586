/**
 * Demo « nous l'utilisons »: uses declared with and without contact consent, so « Qui utilise
 * quoi ? » has something to filter and a peer to write to. Charleroi's referents and Tournai's
 * agents accept messages; Mons and Ath declare without consent.
 */
import { eq } from 'drizzle-orm';
import type { Module } from '../../../domain/catalogue/types';
import { solutionKey } from '../../../domain/peers/usage';
import { normalizeForSearch } from '../../../domain/text';
import type { Db } from '../client';
import { contracts, organisations, solutionUsages } from '../schema';

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
