/**
 * The lifecycle of a contract (DOMAIN.md, "Lifecycle of a contract"): planned → tendering →
 * awarded → active → expiring → ended, or cancelled. Pure rules: `today` is always passed in.
 */
import { formatDate } from '../format';
import { STATUS_LABELS } from './labels';
import { addDays } from './dates';
import { CONTRACT_STATUSES } from './types';
import type { ContractStatus, LifecycleSnapshot, Verdict } from './types';

/** Days before the end at which an active contract shows as expiring (time to relaunch). */
export const DEFAULT_RELAUNCH_HORIZON_DAYS = 180;

/**
 * Which stored status may follow which. ended and cancelled are final: an ended framework
 * agreement cannot be revived, its successor is a new procedure (relaunch); a cancelled one
 * stays cancelled (law of 17 June 2016, art. 85: the authority may renounce awarding and,
 * if it wants, start a new procedure).
 */
const NEXT: Record<ContractStatus, readonly ContractStatus[]> = {
	planned: ['tendering', 'cancelled'],
	tendering: ['awarded', 'cancelled'],
	awarded: ['active', 'cancelled'],
	active: ['expiring', 'ended'],
	expiring: ['ended'],
	ended: [],
	cancelled: []
};

const ok: Verdict = { ok: true };
const refuse = (reason: string): Verdict => ({ ok: false, reason });

/**
 * The last day the contract can be used: its end date, capped by the maximum end date with
 * extensions (whichever is earlier); null when neither is known.
 */
export function contractEnd(snapshot: LifecycleSnapshot): string | null {
	const { endDate, maxEndDate } = snapshot;
	if (endDate && maxEndDate) return endDate < maxEndDate ? endDate : maxEndDate;
	return endDate ?? maxEndDate;
}

/** May a buyer move the contract from its stored status to `to` today? French reason if not. */
export function checkTransition(
	snapshot: LifecycleSnapshot,
	to: ContractStatus,
	today: string
): Verdict {
	const from = snapshot.status;
	if (from === to) return refuse(`Le marché est déjà au statut « ${STATUS_LABELS[to]} ».`);
	if (!NEXT[from].includes(to)) {
		if (NEXT[from].length === 0) {
			return refuse(
				`Un marché au statut « ${STATUS_LABELS[from]} » ne peut plus changer de statut.`
			);
		}
		return refuse(
			`Un marché au statut « ${STATUS_LABELS[from]} » ne peut pas passer au statut « ${STATUS_LABELS[to]} ».`
		);
	}
	return GUARDS[to](snapshot, today);
}

/** Every status the buyer may move the contract to today, in lifecycle order. */
export function allowedTransitions(snapshot: LifecycleSnapshot, today: string): ContractStatus[] {
	return CONTRACT_STATUSES.filter((to) => checkTransition(snapshot, to, today).ok);
}

const GUARDS: Record<ContractStatus, (s: LifecycleSnapshot, today: string) => Verdict> = {
	planned: () => ok,
	tendering: () => ok,
	awarded: (s, today) => lotsAwarded(s) ?? awardDateNotFuture(s, today) ?? ok,
	active: (s, today) => lotsAwarded(s) ?? pricesKnown(s) ?? activationDates(s, today) ?? ok,
	expiring: (s, today) => stillRunning(s, today) ?? ok,
	// ending early (résiliation) is the buyer's decision: no guard
	ended: () => ok,
	cancelled: () => ok
};

/**
 * A framework agreement is concluded with one or several operators (law of 17 June 2016,
 * art. 43): each lot must name its adjudicataire before the award.
 */
function lotsAwarded(s: LifecycleSnapshot): Verdict | undefined {
	if (s.lots.length === 0) return refuse('Ajoutez au moins un lot avant d’attribuer le marché.');
	const missing = s.lots.filter((lot) => lot.supplierId === null).length;
	if (missing === 1) return refuse('Un lot n’a pas encore d’adjudicataire.');
	if (missing > 1) return refuse(`${missing} lots n’ont pas encore d’adjudicataire.`);
	return undefined;
}

/**
 * Communes order at the awarded prices: an active contract cannot leave an awarded lot with a
 * price item still « à fixer » (a relaunch keeps its predecessor's prices as references only).
 */
function pricesKnown(s: LifecycleSnapshot): Verdict | undefined {
	const lots = s.lots.filter((lot) => lot.supplierId !== null && (lot.unpricedItems ?? 0) > 0);
	if (lots.length === 0) return undefined;
	const items = lots.reduce((n, lot) => n + (lot.unpricedItems ?? 0), 0);
	const what = items === 1 ? 'Un poste du bordereau n’a' : `${items} postes du bordereau n’ont`;
	return refuse(`${what} pas encore de prix : fixez les prix attribués avant d’activer le marché.`);
}

function awardDateNotFuture(s: LifecycleSnapshot, today: string): Verdict | undefined {
	if (s.awardDate && s.awardDate > today) {
		return refuse(`La date d’attribution (${formatDate(s.awardDate)}) n’est pas encore atteinte.`);
	}
	return undefined;
}

/**
 * Adhesions and orders need a known term: a framework agreement has a stated duration
 * (law of 17 June 2016, art. 43: four years at most, save duly justified cases).
 */
function activationDates(s: LifecycleSnapshot, today: string): Verdict | undefined {
	if (!s.endDate) return refuse('Indiquez la date de fin du marché avant de l’activer.');
	if (s.startDate && s.startDate > today) {
		return refuse(`Le marché ne peut être activé qu’à partir du ${formatDate(s.startDate)}.`);
	}
	if (s.startDate && s.endDate < s.startDate) {
		return refuse('La date de fin précède la date de début.');
	}
	if (s.maxEndDate && s.maxEndDate < s.endDate) {
		return refuse('La date de fin maximale (prolongations comprises) précède la date de fin.');
	}
	return stillRunning(s, today);
}

function stillRunning(s: LifecycleSnapshot, today: string): Verdict | undefined {
	const end = contractEnd(s);
	if (!end) return refuse('Indiquez la date de fin du marché.');
	if (end < today) return refuse(`Le marché a pris fin le ${formatDate(end)}.`);
	return undefined;
}

/**
 * The status the portal shows today: an active contract whose end falls within the relaunch
 * horizon shows as expiring; an active or expiring contract past its end shows as ended.
 * Other statuses are shown as stored (they only change by a buyer's decision).
 */
export function effectiveStatus(
	snapshot: LifecycleSnapshot,
	today: string,
	relaunchHorizonDays = DEFAULT_RELAUNCH_HORIZON_DAYS
): ContractStatus {
	const { status } = snapshot;
	if (status !== 'active' && status !== 'expiring') return status;
	const end = contractEnd(snapshot);
	if (!end) return status;
	if (end < today) return 'ended';
	if (status === 'active' && end <= addDays(today, relaunchHorizonDays)) return 'expiring';
	return status;
}

/**
 * Interest (with maximum quantities) is collected before and during the procedure
 * (CJEU C-216/17 Coopservice; budget.md §5.2), until the interest deadline included.
 */
export function canDeclareInterest(snapshot: LifecycleSnapshot, today: string): Verdict {
	if (snapshot.status !== 'planned' && snapshot.status !== 'tendering') {
		return refuse(
			'Les manifestations d’intérêt ne sont recueillies qu’avant l’attribution du marché.'
		);
	}
	if (snapshot.interestDeadline && snapshot.interestDeadline < today) {
		return refuse(
			`Le délai pour manifester son intérêt a expiré le ${formatDate(snapshot.interestDeadline)}.`
		);
	}
	return ok;
}

/**
 * A commune adheres to a contract while it runs: active or expiring, from its start to its
 * end included (law of 17 June 2016, art. 47: it buys through the centrale's framework).
 */
export function canAdhere(snapshot: LifecycleSnapshot, today: string): Verdict {
	const shown = effectiveStatus(snapshot, today);
	if (shown === 'ended') return refuse(endedReason(snapshot, today));
	if (shown === 'cancelled') return refuse('Le marché a été annulé.');
	if (shown !== 'active' && shown !== 'expiring') {
		return refuse(`Le marché n’est pas encore ouvert aux adhésions (${STATUS_LABELS[shown]}).`);
	}
	if (snapshot.startDate && snapshot.startDate > today) {
		return refuse(
			`Le marché est ouvert aux adhésions à partir du ${formatDate(snapshot.startDate)}.`
		);
	}
	return stillRunning(snapshot, today) ?? ok;
}

function endedReason(snapshot: LifecycleSnapshot, today: string): string {
	const end = contractEnd(snapshot);
	return end && end < today
		? `Le marché a pris fin le ${formatDate(end)}.`
		: 'Le marché est terminé.';
}

/** An order needs an open contract and a lot that is awarded and not past its own end date. */
export function canOrder(snapshot: LifecycleSnapshot, lotId: number, today: string): Verdict {
	const contract = canAdhere(snapshot, today);
	if (!contract.ok) return contract;
	const lot = snapshot.lots.find((candidate) => candidate.id === lotId);
	if (!lot) return refuse('Ce lot n’appartient pas à ce marché.');
	if (lot.supplierId === null) return refuse('Ce lot n’a pas d’adjudicataire.');
	if (lot.endDate && lot.endDate < today) {
		return refuse(`Ce lot a pris fin le ${formatDate(lot.endDate)}.`);
	}
	return ok;
}
