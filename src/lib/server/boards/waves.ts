/** Phasing: the buyer groups ranked needs into waves (« 2027 — vague 1 »). */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../domain/permissions';
import { audit } from '../audit';
import { getDb } from '../db/client';
import { needs, waveNeeds, waves } from '../db/schema';
import { now as clockNow } from '../clock';

/** A refusal carries the French message shown to the buyer. */
export type WaveOutcome = { ok: true } | { ok: false; message: string };

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

export function createWave(boardId: number, year: number, by: Actor, now = clockNow()): number {
	const db = getDb();
	return db.transaction(() => {
		// after the last of the year (a count would collide with positions left by a deletion)
		const position =
			Math.max(
				0,
				...db
					.select({ position: waves.position })
					.from(waves)
					.where(and(eq(waves.boardId, boardId), eq(waves.year, year)))
					.all()
					.map((w) => w.position)
			) + 1;
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
	now = clockNow()
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

function waveOf(boardId: number, waveId: number) {
	return getDb()
		.select()
		.from(waves)
		.where(and(eq(waves.boardId, boardId), eq(waves.id, waveId)))
		.get();
}

const NOT_HERE = 'Cette vague n’existe pas ou n’appartient pas à ce tableau.';

export function renameWave(
	boardId: number,
	waveId: number,
	label: string,
	by: Actor,
	now = clockNow()
): WaveOutcome {
	const wave = waveOf(boardId, waveId);
	if (!wave) return { ok: false, message: NOT_HERE };
	const db = getDb();
	db.transaction(() => {
		db.update(waves).set({ label }).where(eq(waves.id, waveId)).run();
		audit(
			{
				actorId: by.id,
				action: 'board.wave.rename',
				subjectType: 'board',
				subjectId: boardId,
				details: { waveId, from: wave.label, to: label }
			},
			now
		);
	});
	return { ok: true };
}

/**
 * Moves a wave one place earlier (-1) or later (+1) among the waves of its year; positions of
 * that year are renumbered 1…n on the way, so gaps left by deletions disappear.
 */
export function moveWave(
	boardId: number,
	waveId: number,
	step: -1 | 1,
	by: Actor,
	now = clockNow()
): WaveOutcome {
	const wave = waveOf(boardId, waveId);
	if (!wave) return { ok: false, message: NOT_HERE };
	const db = getDb();
	const year = db
		.select()
		.from(waves)
		.where(and(eq(waves.boardId, boardId), eq(waves.year, wave.year)))
		.orderBy(asc(waves.position), asc(waves.id))
		.all();
	const from = year.findIndex((w) => w.id === waveId);
	const to = from + step;
	if (to < 0 || to >= year.length)
		return {
			ok: false,
			message: `« ${wave.label} » est déjà la ${step < 0 ? 'première' : 'dernière'} vague de ${wave.year}.`
		};
	[year[from], year[to]] = [year[to], year[from]];
	db.transaction(() => {
		year.forEach((w, i) =>
			db
				.update(waves)
				.set({ position: i + 1 })
				.where(eq(waves.id, w.id))
				.run()
		);
		audit(
			{
				actorId: by.id,
				action: 'board.wave.move',
				subjectType: 'board',
				subjectId: boardId,
				details: { waveId, from: from + 1, to: to + 1 }
			},
			now
		);
	});
	return { ok: true };
}

/** Deletes a wave that holds no need (a need is taken out of a wave before the wave goes). */
export function deleteWave(
	boardId: number,
	waveId: number,
	by: Actor,
	now = clockNow()
): WaveOutcome {
	const wave = waveOf(boardId, waveId);
	if (!wave) return { ok: false, message: NOT_HERE };
	const db = getDb();
	const held = db.select().from(waveNeeds).where(eq(waveNeeds.waveId, waveId)).all().length;
	if (held)
		return {
			ok: false,
			message: `« ${wave.label} » contient encore ${held} besoin${held > 1 ? 's' : ''} : placez-${held > 1 ? 'les' : 'le'} dans une autre vague ou sur « Aucune » avant de la supprimer.`
		};
	db.transaction(() => {
		db.delete(waves).where(eq(waves.id, waveId)).run();
		audit(
			{
				actorId: by.id,
				action: 'board.wave.delete',
				subjectType: 'board',
				subjectId: boardId,
				details: { waveId, label: wave.label, year: wave.year }
			},
			now
		);
	});
	return { ok: true };
}
