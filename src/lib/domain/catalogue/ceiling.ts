/**
 * The maximum value of a framework agreement. Since CJEU C-216/17 (Coopservice, 19 Dec 2018) and
 * C-23/20 (Simonsen & Weel, 17 June 2021), a framework agreement states its maximum quantity or
 * value and is exhausted when it is reached: an order that would go past it is refused. Buyers
 * and adherents are warned from 80 % so the relaunch can be prepared in time.
 */
import { formatMoney } from '../format';

export type CeilingLevel = 'ok' | 'warning' | 'exceeded';

export interface CeilingCheck {
	level: CeilingLevel;
	/** (committed + additional) / maximum; null when the contract has no maximum. */
	ratio: number | null;
	/** What stays available once `additional` is counted; negative by the excess; null without maximum. */
	remainingCents: number | null;
	/** French sentence to show as is. */
	message: string;
}

/** The share of the maximum from which everyone is warned. */
export const CEILING_WARNING_PERCENT = 80;

function assertCents(value: number, name: string): void {
	if (!Number.isSafeInteger(value) || value < 0) {
		throw new RangeError(`${name} doit être un nombre entier de cents positif.`);
	}
}

/**
 * Checks `additionalCents` (an order, excl. VAT) against the maximum of the contract, given what
 * its orders already commit. With `additionalCents` = 0 it describes the contract's state.
 * `maxValueCents` null means no maximum is recorded: always ok. A maximum must be positive.
 */
export function ceilingCheck(
	maxValueCents: number | null,
	committedCents: number,
	additionalCents: number
): CeilingCheck {
	assertCents(committedCents, 'Le montant engagé');
	assertCents(additionalCents, 'Le montant de la commande');
	if (maxValueCents === null) {
		return {
			level: 'ok',
			ratio: null,
			remainingCents: null,
			message: 'Ce marché n’a pas de montant maximal enregistré.'
		};
	}
	assertCents(maxValueCents, 'Le montant maximal');
	if (maxValueCents === 0) throw new RangeError('Le montant maximal doit être positif.');
	const total = committedCents + additionalCents;
	const remainingCents = maxValueCents - total;
	const ratio = total / maxValueCents;
	// integer comparison (BigInt: no overflow, no floating-point doubt at the 80 % boundary)
	const hundredfold = BigInt(total) * 100n;
	const level: CeilingLevel =
		total > maxValueCents
			? 'exceeded'
			: hundredfold >= BigInt(maxValueCents) * BigInt(CEILING_WARNING_PERCENT)
				? 'warning'
				: 'ok';
	const percent = Number(hundredfold / BigInt(maxValueCents));
	const facts = { max: maxValueCents, committed: committedCents, additional: additionalCents };
	return { level, ratio, remainingCents, message: MESSAGES[level](facts, percent) };
}

type Facts = { max: number; committed: number; additional: number };

const MESSAGES: Record<CeilingLevel, (facts: Facts, percent: number) => string> = {
	ok: ({ max, committed, additional }, percent) =>
		additional === 0
			? `${percent} % du montant maximal du marché (${formatMoney(max)}) est engagé.`
			: `Avec cette commande, ${percent} % du montant maximal du marché (${formatMoney(max)}) sera engagé ; il restera ${formatMoney(max - committed - additional)}.`,
	warning: ({ max, committed, additional }, percent) =>
		additional === 0
			? `Attention : ${percent} % du montant maximal du marché (${formatMoney(max)}) est engagé ; il reste ${formatMoney(max - committed)} avant l’épuisement de l’accord-cadre.`
			: `Attention : avec cette commande, ${percent} % du montant maximal du marché (${formatMoney(max)}) sera engagé ; il restera ${formatMoney(max - committed - additional)} avant l’épuisement de l’accord-cadre.`,
	exceeded: ({ max, committed, additional }) => {
		const available = Math.max(0, max - committed);
		const rule =
			'Un accord-cadre est épuisé lorsque son montant maximal est atteint (CJUE, C-216/17 Coopservice).';
		if (additional === 0) {
			return `Le montant maximal du marché (${formatMoney(max)}) est dépassé. ${rule}`;
		}
		return `Cette commande (${formatMoney(additional)} HTVA) dépasserait le montant maximal du marché (${formatMoney(max)}) : il reste ${formatMoney(available)} disponibles. ${rule}`;
	}
};
