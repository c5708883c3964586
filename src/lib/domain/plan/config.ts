/**
 * The figures the purchase plan decides with that are practice or policy, not law [M]/[L]
 * (shared/domain/budget.md §5): the server may override each one from its configuration
 * (src/lib/server/plan/config.ts); the code never compares against a bare number.
 */

export interface PlanConfig {
	/**
	 * The finance director's legality opinion is asked above this amount excl. VAT
	 * (L1124-40 CDLD; 22 000 € in practice [M]).
	 */
	financeOpinionThresholdCents: number;
	/**
	 * From this amount excl. VAT an order is checked against the tutelle's transmission duty
	 * (L3122-2 CDLD: 31 000 € for supplies and services without publication; an order under a
	 * centrale's framework is normally not an award decision, budget.md §5.5 [M]).
	 */
	tutelleCheckThresholdCents: number;
	/** a year of communal elections (October); they come back every `electionPeriodYears` */
	electionReferenceYear: number;
	electionPeriodYears: number;
}

export const DEFAULT_PLAN_CONFIG: PlanConfig = {
	financeOpinionThresholdCents: 2_200_000,
	tutelleCheckThresholdCents: 3_100_000,
	electionReferenceYear: 2024,
	electionPeriodYears: 6
};

/** true when communal elections take place in October of `year` (2024, 2030, …). */
export function isElectionYear(year: number, config: PlanConfig = DEFAULT_PLAN_CONFIG): boolean {
	const gap = year - config.electionReferenceYear;
	return (
		((gap % config.electionPeriodYears) + config.electionPeriodYears) %
			config.electionPeriodYears ===
		0
	);
}

/**
 * The budget of the year after an election is voted by the new council, late: the first months
 * run on douzièmes provisoires (RGCC art. 14), with no new commitments (budget.md §4).
 */
export function followsElection(year: number, config: PlanConfig = DEFAULT_PLAN_CONFIG): boolean {
	return isElectionYear(year - 1, config);
}
