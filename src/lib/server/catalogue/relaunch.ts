/**
 * Relaunch: the successor of an expiring contract, created `planned` with the predecessor's
 * structure (lots, price items without binding prices, documents to review) and linked back to
 * it. The plan comes from domain/catalogue/relaunch; this module stores it in one transaction.
 */
import { eq, inArray } from 'drizzle-orm';
import { canRelaunch, relaunchPlan, type RelaunchPlan } from '../../domain/catalogue/relaunch';
import { isModule, isVatRate } from '../../domain/catalogue/types';
import { audit } from '../audit';
import { getDb } from '../db/client';
import {
	adhesions,
	contractDocuments,
	contractTransitions,
	contracts,
	lots,
	priceItems
} from '../db/schema';
import type { Outcome } from './commitments';
import {
	contractDocumentList,
	contractLots,
	lifecycleSnapshot,
	type ContractRow
} from './contract';
import { reindexContract } from './search-index';
import { now as clockNow } from '../clock';

/** Creates the successor (structure copied, predecessor linked) and returns its reference. */
export function startRelaunch(
	contract: ContractRow,
	actorId: number,
	today: string,
	now = clockNow()
): Outcome<{ reference: string; adherentOrganisationIds: number[] }> {
	const lots = contractLots(contract.id);
	const verdict = canRelaunch(lifecycleSnapshot(contract, lots), today);
	if (!verdict.ok) return { ok: false, message: verdict.reason };
	const db = getDb();
	const adherents = db
		.select({ organisationId: adhesions.organisationId, withdrawnAt: adhesions.withdrawnAt })
		.from(adhesions)
		.where(eq(adhesions.contractId, contract.id))
		.all();
	const plan = relaunchPlan({
		...contract,
		lots: lots.map((lot) => ({
			number: lot.number,
			title: lot.title,
			priceItems: lot.items.flatMap((i) =>
				isVatRate(i.vatRate)
					? [
							{
								...i,
								vatRate: i.vatRate,
								recurrence: i.recurrence as 'one_off',
								budgetNature: i.budgetNature as 'ordinaire',
								module: isModule(i.module) ? i.module : null
							}
						]
					: []
			)
		})),
		documents: contractDocumentList(contract.id),
		adhesions: adherents.map((a) => ({
			organisationId: a.organisationId,
			withdrawn: a.withdrawnAt !== null
		}))
	});
	const reference = freeReference(contract.reference);
	db.transaction(() => {
		const id = storeSuccessor(contract, plan.successor, reference, actorId, now);
		reindexContract(db.$client, id);
		audit(
			{
				actorId,
				action: 'contract.relaunch',
				subjectType: 'contract',
				subjectId: contract.id,
				details: { successorId: id, reference, adherents: plan.adherentOrganisationIds }
			},
			now
		);
	});
	return { ok: true, value: { reference, adherentOrganisationIds: plan.adherentOrganisationIds } };
}

/** `REF-R`, else `REF-R2`, `REF-R3`… : the first reference no contract has. */
function freeReference(predecessor: string): string {
	const taken = (reference: string) =>
		!!getDb()
			.select({ id: contracts.id })
			.from(contracts)
			.where(eq(contracts.reference, reference))
			.get();
	let reference = `${predecessor}-R`;
	for (let n = 2; taken(reference); n++) reference = `${predecessor}-R${n}`;
	return reference;
}

/** Writes the successor, its lots, price items, document copies and first history entry. */
function storeSuccessor(
	contract: ContractRow,
	s: RelaunchPlan['successor'],
	reference: string,
	actorId: number,
	now: Date
): number {
	const db = getDb();
	const { id } = db
		.insert(contracts)
		.values({
			reference,
			title: s.title,
			summary: s.summary,
			description: s.description,
			theme: s.theme,
			procedure: s.procedure,
			cpvCodes: s.cpvCodes,
			centraleId: s.centraleId,
			sourceUrl: contract.sourceUrl,
			status: 'planned',
			modules: s.modules,
			predecessorId: contract.id,
			estimatedValueCents: contract.estimatedValueCents,
			createdBy: actorId,
			createdAt: now,
			updatedAt: now
		})
		.returning({ id: contracts.id })
		.get();
	for (const lot of s.lots) {
		const { lotId } = db
			.insert(lots)
			.values({ contractId: id, number: lot.number, title: lot.title })
			.returning({ lotId: lots.id })
			.get();
		for (const item of lot.priceItems)
			db.insert(priceItems)
				.values({
					lotId,
					label: item.label,
					unit: item.unit,
					unitPriceCents: null,
					referenceUnitPriceCents: item.previousUnitPriceCents,
					vatRate: item.vatRate,
					recurrence: item.recurrence,
					budgetNature: item.budgetNature,
					suggestedArticle: item.suggestedArticle,
					module: item.module
				})
				.run();
	}
	copyDocuments(id, s.documents, actorId, now);
	db.insert(contractTransitions)
		.values({
			contractId: id,
			fromStatus: null,
			toStatus: 'planned',
			byUserId: actorId,
			at: now,
			note: `Relance du marché ${contract.reference}`
		})
		.run();
	return id;
}

/** The predecessor's documents, members-only and titled « (à revoir) » until a buyer checks them. */
function copyDocuments(
	contractId: number,
	documents: RelaunchPlan['successor']['documents'],
	actorId: number,
	now: Date
) {
	if (!documents.length) return;
	const db = getDb();
	const sources = new Map(
		db
			.select()
			.from(contractDocuments)
			.where(
				inArray(
					contractDocuments.id,
					documents.map((d) => d.sourceId)
				)
			)
			.all()
			.map((d) => [d.id, d])
	);
	for (const doc of documents) {
		const source = sources.get(doc.sourceId);
		if (!source) continue;
		db.insert(contractDocuments)
			.values({
				contractId,
				kind: source.kind,
				title: `${doc.title} (à revoir)`,
				isPublic: false,
				sha256: source.sha256,
				size: source.size,
				mime: source.mime,
				originalFilename: source.originalFilename,
				uploadedBy: actorId,
				createdAt: now
			})
			.run();
	}
}
