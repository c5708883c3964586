/**
 * A commune's ballot as the priorities form submits it: `points_<cardId>` and
 * `quantity_<cardId>` per need, blanks meaning 0. The numbers are checked by saveBallot, which
 * knows the board's needs and the 100 points.
 */
import type { BallotLine } from './votes';

export function parseBallot(form: FormData): { lines: BallotLine[]; echo: Record<string, string> } {
	const lines = new Map<string, BallotLine>();
	// what was typed, to show it again if the ballot is refused
	const echo: Record<string, string> = {};
	for (const [key, raw] of form) {
		const match = /^(points|quantity)_(.+)$/.exec(key);
		if (!match || typeof raw !== 'string') continue;
		echo[key] = raw;
		const value = raw.trim() === '' ? 0 : Number(raw.trim());
		const line = lines.get(match[2]) ?? { cardId: match[2], points: 0, quantity: 0 };
		line[match[1] as 'points' | 'quantity'] = value;
		lines.set(match[2], line);
	}
	return { lines: [...lines.values()], echo };
}
