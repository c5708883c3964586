/**
 * The plan's thresholds, from the environment when the operator sets them (budget.md §5 marks
 * them [M]: practice, not law), the domain's defaults otherwise.
 */
import { DEFAULT_PLAN_CONFIG, type PlanConfig } from '../../domain/plan/config';

function eurosAsCents(name: string, fallback: number): number {
	const raw = process.env[name];
	if (!raw) return fallback;
	const euros = Number(raw);
	return Number.isFinite(euros) && euros >= 0 ? Math.round(euros * 100) : fallback;
}

let cached: { source: string; config: PlanConfig } | null = null;

/**
 * One object per process while its source (the environment variables) is unchanged: the domain
 * remembers the budget vehicles per configuration object, so a new object per request would
 * compute them again; a changed variable (tests set them) gives a new one.
 */
export function planConfig(): PlanConfig {
	const source = `${process.env.PLAN_FINANCE_OPINION_THRESHOLD_EUR ?? ''}|${process.env.PLAN_TUTELLE_CHECK_THRESHOLD_EUR ?? ''}`;
	if (cached?.source === source) return cached.config;
	cached = { source, config: Object.freeze(readConfig()) };
	return cached.config;
}

function readConfig(): PlanConfig {
	return {
		...DEFAULT_PLAN_CONFIG,
		financeOpinionThresholdCents: eurosAsCents(
			'PLAN_FINANCE_OPINION_THRESHOLD_EUR',
			DEFAULT_PLAN_CONFIG.financeOpinionThresholdCents
		),
		tutelleCheckThresholdCents: eurosAsCents(
			'PLAN_TUTELLE_CHECK_THRESHOLD_EUR',
			DEFAULT_PLAN_CONFIG.tutelleCheckThresholdCents
		)
	};
}
