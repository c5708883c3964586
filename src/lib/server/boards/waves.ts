/** Phasing: the buyer groups ranked needs into waves (« 2027 — vague 1 »). */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../domain/permissions';
import { audit } from '../audit';
import { getDb } from '../db/client';
import { needs, waveNeeds, waves } from '../db/schema';

export interface WaveWithNeeds {
	id: number;
	label: string;
	year: number;
	position: number;
	cardIds: string[];
}

export function listWaves(boardId: number): WaveWithNeeds[] {
	const db = getDb();
	const rows = db
		.select()
		.from(waves)
		.where(eq(waves.boardId, boardId))
		.orderBy(asc(waves.year), asc(waves.position), asc(waves.id))
		.all();
	if (!rows.length) return [];
	const links = db
		.select()
		.from(waveNeeds)
		.where(
			inArray(
				waveNeeds.waveId,
				rows.map((w) => w.id)
			)
		)
		.all();
	return rows.map((w) => ({
		id: w.id,
		label: w.label,
		year: w.year,
		position: w.position,
		cardIds: links.filter((l) => l.waveId === w.id).map((l) => l.cardId)
	}));
}

export function createWave(boardId: number, year: number, by: Actor, now = new Date()): number {
	const db = getDb();
	return db.transaction(() => {
		const sameYear = db
			.select()
			.from(waves)
			.where(and(eq(waves.boardId, boardId), eq(waves.year, year)))
			.all().length;
		const position = sameYear + 1;
		const { id } = db
			.insert(waves)
			.values({ boardId, year, position, label: `${year} — vague ${position}` })
			.returning({ id: waves.id })
			.get();
		audit(
			{
				actorId: by.id,
				action: 'board.wave.create',
				subjectType: 'board',
				subjectId: boardId,
				details: { waveId: id, year }
			},
			now
		);
		return id;
	});
}

/**
 * Puts a need in a wave (or in none with `waveId` null); a need is in one wave at most.
 * False when the wave or the need is not this board's.
 */
export function assignToWave(
	boardId: number,
	cardId: string,
	waveId: number | null,
	by: Actor,
	now = new Date()
): boolean {
	const db = getDb();
	const boardWaves = db
		.select({ id: waves.id })
		.from(waves)
		.where(eq(waves.boardId, boardId))
		.all()
		.map((w) => w.id);
	const need = db
		.select()
		.from(needs)
		.where(and(eq(needs.boardId, boardId), eq(needs.cardId, cardId)))
		.get();
	if (!need || (waveId != null && !boardWaves.includes(waveId))) return false;
	db.transaction(() => {
		if (boardWaves.length)
			db.delete(waveNeeds)
				.where(and(eq(waveNeeds.cardId, cardId), inArray(waveNeeds.waveId, boardWaves)))
				.run();
		if (waveId != null) db.insert(waveNeeds).values({ waveId, cardId }).run();
		audit(
			{
				actorId: by.id,
				action: 'board.wave.assign',
				subjectType: 'board',
				subjectId: boardId,
				details: { cardId, waveId }
			},
			now
		);
	});
	return true;
}
