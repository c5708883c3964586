/**
 * Whether a purchase intention can enter a plan: a month to come, within the contract's duration
 * (its end with every extension), on a contract still open, with at least one quantity, and not
 * beyond what the framework's maximum still allows (Coopservice, ceiling.ts).
 */
import { ceilingCheck } from '../catalogue/ceiling';
import type { ContractStatus, Verdict } from '../catalogue/types';
import { formatDate } from '../format';
import { isMonth, monthLabel, monthOf, yearOf } from './months';

export interface IntentionFacts {
	today: string;
	targetMonth: string;
	contract: {
		status: ContractStatus;
		endDate: string | null;
		maxEndDate: string | null;
		maxValueCents: number | null;
	};
	/** what the contract's orders already commit, excl. VAT */
	committedCents: number;
	/** the intention's estimated cost over the contract's duration, excl. VAT */
	totalExclVatCents: number;
	/** quantities above zero */
	lineCount: number;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const CLOSED: readonly ContractStatus[] = ['ended', 'cancelled'];

export function checkIntention(f: IntentionFacts): Verdict {
	const fail = (reason: string): Verdict => ({ ok: false, reason });
	if (CLOSED.includes(f.contract.status))
		return fail('Ce marché est clôturé : il ne peut plus entrer dans un plan d’achats.');
	if (!isMonth(f.targetMonth)) return fail('Choisissez le mois et l’année de début souhaités.');
	if (f.targetMonth < monthOf(f.today))
		return fail(
			`${capitalised(monthLabel(f.targetMonth))} est déjà passé : choisissez un mois à venir.`
		);
	const end = f.contract.maxEndDate ?? f.contract.endDate;
	if (end && f.targetMonth > monthOf(end)) {
		return yearOf(f.targetMonth) > yearOf(end)
			? fail(
					`L’exercice ${yearOf(f.targetMonth)} est en dehors de la durée du marché, qui se termine le ${formatDate(end)}.`
				)
			: fail(
					`Le marché se termine le ${formatDate(end)} : choisissez un mois de début avant cette date.`
				);
	}
	if (f.lineCount === 0) return fail('Indiquez au moins une quantité.');
	const ceiling = ceilingCheck(f.contract.maxValueCents, f.committedCents, f.totalExclVatCents);
	if (ceiling.level === 'exceeded') return fail(ceiling.message);
	return { ok: true };
}
