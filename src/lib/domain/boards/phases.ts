/**
 * The phases of a working group and what each one switches on. Phases move forward one step at
 * a time; a buyer may step back once (to reopen a vote, say), never jump.
 */
export const PHASES = ['collecting', 'prioritising', 'phasing', 'closed'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, string> = {
	collecting: 'Recueil des besoins',
	prioritising: 'Priorisation',
	phasing: 'Phasage',
	closed: 'Clôturé'
};

export interface PhaseAbilities {
	/** members may add and edit cards on the board */
	editCards: boolean;
	/** member communes spread their points and declare interest */
	vote: boolean;
	/** the buyer groups ranked needs into waves */
	planWaves: boolean;
	/** the buyer turns needs into a contract in preparation */
	promote: boolean;
}

const ABILITIES: Record<Phase, PhaseAbilities> = {
	collecting: { editCards: true, vote: false, planWaves: false, promote: false },
	prioritising: { editCards: true, vote: true, planWaves: false, promote: false },
	phasing: { editCards: false, vote: false, planWaves: true, promote: true },
	closed: { editCards: false, vote: false, planWaves: false, promote: true }
};

export function abilities(phase: Phase): PhaseAbilities {
	return ABILITIES[phase];
}

/** Allowed moves from `from`: the next phase, and the previous one (except back from closed). */
export function canSwitchPhase(from: Phase, to: Phase): boolean {
	const a = PHASES.indexOf(from);
	const b = PHASES.indexOf(to);
	if (b === a + 1) return true;
	return b === a - 1 && from !== 'closed';
}
