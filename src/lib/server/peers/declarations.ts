/**
 * A commune's own declarations (« Nous l'utilisons »): add a solution it uses, change what it
 * said about one, withdraw one. Every verb checks `usage.declare` on the commune itself and only
 * touches that commune's rows.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { can } from '../../domain/permissions';
import { solutionKey, validSince } from '../../domain/peers/usage';
import { normalizeForSearch } from '../../domain/text';
import { audit } from '../audit';
import { brusselsToday, now } from '../clock';
import { getDb } from '../db/client';
import { contracts, solutionUsages } from '../db/schema';
import type { FieldErrors } from '../forms';
import type { UsageInput } from './usage-form';
import type { Member } from './who-uses-what-page';

export type DeclareResult =
	{ ok: true; message: string } | { ok: false; status: number; errors: FieldErrors };

const refused = (message: string, status = 403): DeclareResult => ({
	ok: false,
	status,
	errors: { form: message }
});

/** contracts a commune can say it uses: awarded or later, not cancelled */
export const USABLE_STATUSES = ['awarded', 'active', 'expiring', 'ended'] as const;

export function saveUsage(member: Member, input: UsageInput): DeclareResult {
	const organisation = { organisationId: member.organisationId, kind: member.organisationKind };
	if (!can(member, 'usage.declare', organisation))
		return refused("Seules les personnes d'une commune déclarent ce qu'elle utilise.");
	if (input.since && !validSince(input.since, brusselsToday()))
		return {
			ok: false,
			status: 400,
			errors: { since: 'Indiquez un mois passé au format AAAA-MM, par exemple 2024-03.' }
		};
	const db = getDb();
	const fieldsOf = {
		modules: input.modules,
		version: input.version,
		since: input.since || null,
		contactAgents: input.contactAgents,
		contactReferents: input.contactReferents,
		declaredBy: member.id,
		updatedAt: now()
	};
	if (input.usageId) {
		const updated = db
			.update(solutionUsages)
			.set(fieldsOf)
			.where(
				and(
					eq(solutionUsages.id, input.usageId),
					eq(solutionUsages.organisationId, member.organisationId)
				)
			)
			.returning({ id: solutionUsages.id })
			.get();
		if (!updated) return refused('Cette utilisation est introuvable.', 404);
		audit({
			actorId: member.id,
			action: 'usage.update',
			subjectType: 'usage',
			subjectId: updated.id
		});
		return { ok: true, message: 'Utilisation mise à jour.' };
	}
	let title = input.solutionName;
	if (input.contractId) {
		const contract = db
			.select({ title: contracts.title })
			.from(contracts)
			.where(and(eq(contracts.id, input.contractId), inArray(contracts.status, USABLE_STATUSES)))
			.get();
		if (!contract)
			return { ok: false, status: 400, errors: { contractId: 'Choisissez un marché attribué.' } };
		title = contract.title;
	}
	const identity = {
		contractId: input.contractId,
		solutionName: input.contractId ? '' : input.solutionName,
		supplierName: input.contractId ? '' : input.supplierName
	};
	const row = db
		.insert(solutionUsages)
		.values({
			...identity,
			...fieldsOf,
			organisationId: member.organisationId,
			solutionKey: solutionKey(identity),
			search: normalizeForSearch(`${title} ${identity.supplierName} ${input.version}`)
		})
		.onConflictDoNothing()
		.returning({ id: solutionUsages.id })
		.get();
	if (!row)
		return {
			ok: false,
			status: 400,
			errors: {
				form: 'Votre commune a déjà déclaré cette solution : modifiez-la dans la liste ci-dessous.'
			}
		};
	audit({ actorId: member.id, action: 'usage.declare', subjectType: 'usage', subjectId: row.id });
	return { ok: true, message: `« ${title} » est ajouté à ce que votre commune utilise.` };
}

export function removeUsage(member: Member, usageId: number): DeclareResult {
	const organisation = { organisationId: member.organisationId, kind: member.organisationKind };
	if (!can(member, 'usage.declare', organisation))
		return refused("Seules les personnes d'une commune déclarent ce qu'elle utilise.");
	const removed = getDb()
		.delete(solutionUsages)
		.where(
			and(eq(solutionUsages.id, usageId), eq(solutionUsages.organisationId, member.organisationId))
		)
		.returning({ id: solutionUsages.id })
		.get();
	if (!removed) return refused('Cette utilisation est introuvable.', 404);
	audit({ actorId: member.id, action: 'usage.remove', subjectType: 'usage', subjectId: usageId });
	return { ok: true, message: 'Utilisation retirée.' };
}
