/**
 * « Créer un marché »: a buyer turns ranked needs into a contract in preparation (`planned`).
 * The contract gets the needs' requirements (each linked back to its card), and every commune
 * that declared interest in those needs gets an interest declaration with its quantities.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import * as Y from 'yjs';
import { getCard, MODULE_LABELS, MOSCOW_LABELS } from '../../collab/board';
import { isModule } from '../../domain/catalogue/types';
import type { Actor } from '../../domain/permissions';
import { audit } from '../audit';
import { reindexContract } from '../catalogue/search-index';
import { foldJournalNow } from '../collab/journal';
import { readYDoc } from '../collab/yjs-documents';
import { getDb } from '../db/client';
import {
	boards,
	contractRequirements,
	contractTransitions,
	contracts,
	interests,
	needContractLinks,
	needInterests,
	needs,
	workingGroups
} from '../db/schema';
import { boardDocName } from './board-documents';
import { now as clockNow } from '../clock';

export interface PromoteInput {
	title: string;
	theme: string;
	procedure: string;
	cardIds: string[];
}

export type PromoteResult =
	{ ok: true; contractId: number; reference: string } | { ok: false; message: string };

/** Each organisation's share of the needs: quantities summed, budget split by quantity. */
function interestShares(boardId: number, cardIds: string[], budgets: Map<string, number | null>) {
	const rows = getDb()
		.select()
		.from(needInterests)
		.where(and(eq(needInterests.boardId, boardId), inArray(needInterests.cardId, cardIds)))
		.all();
	const perCard = new Map<string, number>();
	for (const r of rows) perCard.set(r.cardId, (perCard.get(r.cardId) ?? 0) + r.quantity);
	const shares = new Map<number, { quantity: number; cents: number }>();
	for (const r of rows) {
		const share = shares.get(r.organisationId) ?? { quantity: 0, cents: 0 };
		share.quantity += r.quantity;
		const budget = budgets.get(r.cardId) ?? 0;
		share.cents += Math.round((budget * r.quantity) / (perCard.get(r.cardId) || 1));
		shares.set(r.organisationId, share);
	}
	return shares;
}

function nextReference(groupId: number, year: number): string {
	const db = getDb();
	for (let n = 1; ; n++) {
		const reference = `GT${groupId}-${year}-${String(n).padStart(2, '0')}`;
		const taken = db
			.select({ id: contracts.id })
			.from(contracts)
			.where(eq(contracts.reference, reference))
			.get();
		if (!taken) return reference;
	}
}

export function promoteNeeds(
	group: { id: number; title: string; centraleId: number; boardId: number },
	input: PromoteInput,
	by: Actor,
	now = clockNow()
): PromoteResult {
	const db = getDb();
	const chosen = db
		.select()
		.from(needs)
		.where(and(eq(needs.boardId, group.boardId), inArray(needs.cardId, input.cardIds)))
		.orderBy(asc(needs.title))
		.all();
	if (chosen.length === 0 || chosen.length !== new Set(input.cardIds).size)
		return { ok: false, message: 'Choisissez des besoins de ce tableau.' };
	// the stored board, with every edit relayed until now (the hub folds its journal once a second)
	foldJournalNow();
	const doc = readYDoc(boardDocName(group.boardId)) ?? new Y.Doc();
	const cards = chosen.map((n) => ({ need: n, card: getCard(doc, n.cardId) }));
	const budgets = new Map(chosen.map((n) => [n.cardId, n.estimatedBudgetCents]));
	const modules = [...new Set(chosen.map((n) => n.module).filter(isModule))];
	const estimated = chosen.reduce((sum, n) => sum + (n.estimatedBudgetCents ?? 0), 0);
	const reference = nextReference(group.id, now.getUTCFullYear());
	const description = [
		`Marché en préparation né des besoins du groupe de travail « ${group.title} ».`,
		'',
		...chosen.map(
			(n) =>
				`- **${n.title}**${n.module ? ` (${MODULE_LABELS[n.module as keyof typeof MODULE_LABELS]})` : ''}${n.summary ? ` — ${n.summary}` : ''}`
		)
	].join('\n');

	const contractId = db.transaction(() => {
		const { id } = db
			.insert(contracts)
			.values({
				reference,
				title: input.title,
				summary: `Né des besoins : ${chosen.map((n) => n.title).join(' ; ')}`.slice(0, 500),
				description,
				theme: input.theme,
				centraleId: group.centraleId,
				procedure: input.procedure,
				status: 'planned',
				estimatedValueCents: estimated || null,
				modules,
				createdBy: by.id,
				createdAt: now,
				updatedAt: now
			})
			.returning({ id: contracts.id })
			.get();
		db.insert(contractTransitions)
			.values({
				contractId: id,
				fromStatus: null,
				toStatus: 'planned',
				byUserId: by.id,
				at: now,
				note: `Créé depuis le groupe de travail « ${group.title} »`
			})
			.run();
		let position = 0;
		const requirements = cards.flatMap(({ need, card }) =>
			(card?.requirements ?? []).map((r) => ({
				contractId: id,
				cardId: need.cardId,
				sourceRequirementId: r.id,
				text: r.text,
				moscow: r.moscow,
				position: position++
			}))
		);
		if (requirements.length) db.insert(contractRequirements).values(requirements).run();
		db.insert(needContractLinks)
			.values(
				chosen.map((n) => ({
					cardId: n.cardId,
					boardId: group.boardId,
					contractId: id,
					title: n.title,
					at: now
				}))
			)
			.run();
		for (const [organisationId, share] of interestShares(group.boardId, input.cardIds, budgets)) {
			db.insert(interests)
				.values({
					contractId: id,
					organisationId,
					// interests count quantities in hundredths (catalogue: up to two decimals)
					maxQuantityHundredths: share.quantity * 100,
					estimatedAmountCents: share.cents,
					note: `Déclaré dans le groupe de travail « ${group.title} »`,
					updatedAt: now,
					createdAt: now
				})
				.run();
		}
		reindexContract(db.$client, id);
		audit(
			{
				actorId: by.id,
				action: 'board.promote',
				subjectType: 'contract',
				subjectId: id,
				details: { reference, groupId: group.id, cards: input.cardIds }
			},
			now
		);
		return id;
	});
	return { ok: true, contractId, reference };
}

export interface ContractOrigin {
	cardId: string;
	title: string;
	groupId: number;
	groupTitle: string;
	requirements: { text: string; moscow: string; label: string }[];
}

/** The needs a contract was born from, with the requirements copied from each. */
export function contractOrigins(contractId: number): ContractOrigin[] {
	const links = getDb()
		.select({
			cardId: needContractLinks.cardId,
			title: needContractLinks.title,
			groupId: workingGroups.id,
			groupTitle: workingGroups.title
		})
		.from(needContractLinks)
		.innerJoin(boards, eq(boards.id, needContractLinks.boardId))
		.innerJoin(workingGroups, eq(workingGroups.id, boards.groupId))
		.where(eq(needContractLinks.contractId, contractId))
		.orderBy(asc(needContractLinks.title))
		.all();
	const reqs = getDb()
		.select()
		.from(contractRequirements)
		.where(eq(contractRequirements.contractId, contractId))
		.orderBy(asc(contractRequirements.position))
		.all();
	return links.map((l) => ({
		...l,
		requirements: reqs
			.filter((r) => r.cardId === l.cardId)
			.map((r) => ({ text: r.text, moscow: r.moscow, label: MOSCOW_LABELS[r.moscow] }))
	}));
}

/** For a board: card id → the contracts it fed. */
export function contractsFedByBoard(
	boardId: number
): Record<string, { reference: string; title: string }[]> {
	const rows = getDb()
		.select({
			cardId: needContractLinks.cardId,
			reference: contracts.reference,
			title: contracts.title
		})
		.from(needContractLinks)
		.innerJoin(contracts, eq(contracts.id, needContractLinks.contractId))
		.where(eq(needContractLinks.boardId, boardId))
		.all();
	const out: Record<string, { reference: string; title: string }[]> = {};
	for (const r of rows) (out[r.cardId] ??= []).push({ reference: r.reference, title: r.title });
	return out;
}
