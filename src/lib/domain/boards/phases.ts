/**
 * The phases of a working group. Phases move forward one step at a time; a buyer may step back
 * once (to reopen a vote, say), never jump. What each phase allows is decided by `can()` in
 * ../permissions.ts, with the other rights.
 */
export const PHASES = ['collecting', 'prioritising', 'phasing', 'closed'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, string> = {
	collecting: 'Recueil des besoins',
	prioritising: 'Priorisation',
	phasing: 'Phasage',
	closed: 'Clôturé'
};

/** Allowed moves from `from`: the next phase, and the previous one (except back from closed). */
export function canSwitchPhase(from: Phase, to: Phase): boolean {
	const a = PHASES.indexOf(from);
	const b = PHASES.indexOf(to);
	if (b === a + 1) return true;
	return b === a - 1 && from !== 'closed';
}

/** Planned start of each phase ('YYYY-MM-DD', or null when not planned); `closed` is the closing day. */
export type PhaseDates = Record<Phase, string | null>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDate(value: string): boolean {
	if (!DATE.test(value)) return false;
	const d = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * Checks that the planned dates are real dates and follow the phases' order (a phase may start
 * the day the previous one starts, never before). Returns one French message per faulty phase,
 * empty when all is well; dates left blank are skipped.
 */
export function checkPhaseDates(dates: PhaseDates): Partial<Record<Phase, string>> {
	const errors: Partial<Record<Phase, string>> = {};
	let last: { phase: Phase; date: string } | null = null;
	for (const phase of PHASES) {
		const date = dates[phase];
		if (!date) continue;
		if (!isCalendarDate(date)) {
			errors[phase] = 'Indiquez une date, par exemple 2027-01-15.';
			continue;
		}
		if (last && date < last.date)
			errors[phase] =
				`Les phases doivent se suivre dans le temps. Cette date précède celle de la phase « ${PHASE_LABELS[last.phase]} ».`;
		else last = { phase, date };
	}
	return errors;
}
