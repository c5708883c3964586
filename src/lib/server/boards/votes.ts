/**
 * Prioritising: each member commune spreads 100 points over a board's needs and declares its
 * interest (with a quantity). Checked with the domain's rules; a ballot replaces the previous one.
 */
import { and, asc, eq } from 'drizzle-orm';
import { checkBallot, rankNeeds, type RankedNeed } from '../../domain/boards/ranking';
import type { Actor } from '../../domain/permissions';
import { audit } from '../audit';
import { getDb } from '../db/client';
import { boardVotes, needInterests, needs, organisations } from '../db/schema';
import { now as clockNow } from '../clock';

export type NeedRow = typeof needs.$inferSelect;

export function listNeeds(boardId: number): NeedRow[] {
	return getDb()
		.select()
		.from(needs)
		.where(eq(needs.boardId, boardId))
		.orderBy(asc(needs.title))
		.all();
}

export interface BallotLine {
	cardId: string;
	points: number;
	/** estimated quantity the commune would order; 0 = no interest */
	quantity: number;
}

export type BallotResult =
	{ ok: true; total: number } | { ok: false; message: string; cardId?: string };

/** Replaces the organisation's points and interest on the board, or says why not. */
export function saveBallot(
	boardId: number,
	lines: BallotLine[],
	by: Actor,
	now = clockNow()
): BallotResult {
	const known = new Set(listNeeds(boardId).map((n) => n.cardId));
	const check = checkBallot(lines, known);
	if (!check.ok) return check;
	const bad = lines.find((l) => !Number.isInteger(l.quantity) || l.quantity < 0);
	if (bad)
		return { ok: false, message: 'Indiquez une quantité entière, 0 ou plus.', cardId: bad.cardId };
	const db = getDb();
	const org = by.organisationId;
	db.transaction(() => {
		db.delete(boardVotes)
			.where(and(eq(boardVotes.boardId, boardId), eq(boardVotes.organisationId, org)))
			.run();
		db.delete(needInterests)
			.where(and(eq(needInterests.boardId, boardId), eq(needInterests.organisationId, org)))
			.run();
		const voted = lines.filter((l) => l.points > 0);
		if (voted.length)
			db.insert(boardVotes)
				.values(
					voted.map((l) => ({
						boardId,
						cardId: l.cardId,
						organisationId: org,
						points: l.points,
						votedBy: by.id,
						at: now
					}))
				)
				.run();
		const interested = lines.filter((l) => l.quantity > 0);
		if (interested.length)
			db.insert(needInterests)
				.values(
					interested.map((l) => ({
						boardId,
						cardId: l.cardId,
						organisationId: org,
						quantity: l.quantity,
						declaredBy: by.id,
						at: now
					}))
				)
				.run();
		audit(
			{
				actorId: by.id,
				action: 'board.ballot',
				subjectType: 'board',
				subjectId: boardId,
				details: { total: check.total, cards: voted.length, interests: interested.length }
			},
			now
		);
	});
	return { ok: true, total: check.total };
}

/** The organisation's current ballot, by card id. */
export function ballotOf(boardId: number, organisationId: number): Map<string, BallotLine> {
	const db = getDb();
	const out = new Map<string, BallotLine>();
	const line = (cardId: string) =>
		out.get(cardId) ?? out.set(cardId, { cardId, points: 0, quantity: 0 }).get(cardId)!;
	for (const v of db
		.select()
		.from(boardVotes)
		.where(and(eq(boardVotes.boardId, boardId), eq(boardVotes.organisationId, organisationId)))
		.all())
		line(v.cardId).points = v.points;
	for (const i of db
		.select()
		.from(needInterests)
		.where(
			and(eq(needInterests.boardId, boardId), eq(needInterests.organisationId, organisationId))
		)
		.all())
		line(i.cardId).quantity = i.quantity;
	return out;
}

export interface RankedNeedRow extends RankedNeed {
	need: NeedRow;
	interests: { organisationId: number; name: string; quantity: number }[];
}

/** The board's needs ranked by the documented formula, with who declared interest. */
export function rankBoard(boardId: number): RankedNeedRow[] {
	const db = getDb();
	const rows = listNeeds(boardId);
	const votes = db.select().from(boardVotes).where(eq(boardVotes.boardId, boardId)).all();
	const interests = db
		.select({
			cardId: needInterests.cardId,
			organisationId: needInterests.organisationId,
			quantity: needInterests.quantity,
			name: organisations.name
		})
		.from(needInterests)
		.innerJoin(organisations, eq(organisations.id, needInterests.organisationId))
		.where(eq(needInterests.boardId, boardId))
		.orderBy(asc(organisations.name))
		.all();
	const byId = new Map(rows.map((r) => [r.cardId, r]));
	return rankNeeds(
		rows.map((r) => ({
			cardId: r.cardId,
			title: r.title,
			requirements: {
				must: r.mustCount,
				should: r.shouldCount,
				could: r.couldCount,
				wont: r.wontCount
			},
			votes: votes.filter((v) => v.cardId === r.cardId),
			interested: interests.filter((i) => i.cardId === r.cardId).map((i) => i.organisationId)
		}))
	).map((ranked) => ({
		...ranked,
		need: byId.get(ranked.cardId)!,
		interests: interests
			.filter((i) => i.cardId === ranked.cardId)
			.map(({ organisationId, name, quantity }) => ({ organisationId, name, quantity }))
	}));
}

/** How many member communes have voted so far. */
export function votersCount(boardId: number): number {
	const rows = getDb()
		.selectDistinct({ org: boardVotes.organisationId })
		.from(boardVotes)
		.where(eq(boardVotes.boardId, boardId))
		.all();
	return rows.length;
}
