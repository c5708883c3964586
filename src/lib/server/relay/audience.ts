/**
 * The candidates an audience rule names, read from SQL; domain/relay/audience.ts keeps those the
 * centrale serves, each once. A centrale serves the communes of its territory and the local
 * authorities that joined it (membership), wherever they lie.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { resolveAudience, type AudienceRule } from '../../domain/relay/audience';
import { getDb } from '../db/client';
import {
	adhesions,
	groupMembers,
	interests,
	memberships,
	organisations,
	territories
} from '../db/schema';
import { contractFollowerOrganisations } from './follows';

export function servedOrganisations(centraleId: number): Set<number> {
	const db = getDb();
	const onTerritory = db
		.select({ id: territories.communeId })
		.from(territories)
		.where(eq(territories.intercommunaleId, centraleId))
		.all();
	const joined = db
		.select({ id: memberships.organisationId })
		.from(memberships)
		.where(eq(memberships.centraleId, centraleId))
		.all();
	return new Set([...onTerritory, ...joined].map((r) => r.id));
}

function candidates(centraleId: number, rule: AudienceRule, served: Set<number>): number[] {
	const db = getDb();
	switch (rule.kind) {
		case 'territory':
			return [...served];
		case 'adherents':
			return db
				.select({ id: adhesions.organisationId })
				.from(adhesions)
				.where(and(eq(adhesions.contractId, rule.contractId), isNull(adhesions.withdrawnAt)))
				.all()
				.map((r) => r.id);
		case 'interested':
			return db
				.select({ id: interests.organisationId })
				.from(interests)
				.where(eq(interests.contractId, rule.contractId))
				.all()
				.map((r) => r.id);
		case 'followers':
			// the announcement reaches a follower's organisation, acknowledged per commune
			return contractFollowerOrganisations(rule.contractId);
		case 'group':
			return db
				.select({ id: groupMembers.organisationId })
				.from(groupMembers)
				.where(and(eq(groupMembers.groupId, rule.groupId), eq(groupMembers.status, 'member')))
				.all()
				.map((r) => r.id);
		case 'list':
			return rule.organisationIds;
	}
}

/** The organisations a rule reaches for this centrale, each once. */
export function resolveRule(centraleId: number, rule: AudienceRule): number[] {
	const served = servedOrganisations(centraleId);
	return resolveAudience(candidates(centraleId, rule, served), served);
}

export interface ServedOrganisation {
	id: number;
	name: string;
}

/** The organisations a buyer may hand-pick, by name. */
export function listServed(centraleId: number): ServedOrganisation[] {
	const ids = [...servedOrganisations(centraleId)];
	if (!ids.length) return [];
	return getDb()
		.select({ id: organisations.id, name: organisations.name })
		.from(organisations)
		.where(inArray(organisations.id, ids))
		.orderBy(organisations.searchName)
		.all();
}
