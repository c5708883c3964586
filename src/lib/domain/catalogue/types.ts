/**
 * The vocabulary of the catalogue (DOMAIN.md, glossary and rules). Pure data: no I/O.
 * Dates are 'YYYY-MM-DD' calendar strings (Europe/Brussels); money is integer cents.
 */

/** Lifecycle of a contract as the portal shows it (DOMAIN.md, "Lifecycle of a contract"). */
export const CONTRACT_STATUSES = [
	'planned',
	'tendering',
	'awarded',
	'active',
	'expiring',
	'ended',
	'cancelled'
] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** Where an order stands: a buyer confirms or refuses what a commune submitted. */
export const ORDER_STATUSES = ['submitted', 'confirmed', 'refused'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** What a commune can activate on a contract (DOMAIN.md, `Module`). */
export const MODULES = ['audit', 'software', 'support', 'training'] as const;
export type Module = (typeof MODULES)[number];

/** Service ordinaire / extraordinaire (RGCC art. 1; shared/domain/budget.md §2). */
export const BUDGET_NATURES = ['ordinaire', 'extraordinaire'] as const;
export type BudgetNature = (typeof BUDGET_NATURES)[number];

/** How often a price item is paid. */
export const RECURRENCES = ['one_off', 'yearly', 'monthly'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

/** Belgian VAT rates in integer percent (DOMAIN.md: 21 % standard, 12 %, 6 % and 0 % exist). */
export const VAT_RATES = [21, 12, 6, 0] as const;
export type VatRate = (typeof VAT_RATES)[number];

/** 'YYYY-MM-DD' calendar date, or null when unknown. */
export type CalendarDate = string;

/**
 * A contract's calendar as every rule reads it (lifecycle guards, OCDS mapping). Defined here,
 * once, as plain data: the server's rows come from the schema and are checked against it where
 * they are handed over (`satisfies`), since domain code cannot import the schema.
 */
export interface ContractDates {
	interestDeadline: CalendarDate | null;
	tenderCloseDate: CalendarDate | null;
	awardDate: CalendarDate | null;
	startDate: CalendarDate | null;
	/** Planned end of the contract. */
	endDate: CalendarDate | null;
	/** End including every possible extension (OCDS `maxExtentDate`). */
	maxEndDate: CalendarDate | null;
}

/** The facts the lifecycle rules need about a contract, whatever its storage. */
export interface LifecycleSnapshot extends ContractDates {
	status: ContractStatus;
	lots: readonly {
		id: number;
		supplierId: number | null;
		endDate: CalendarDate | null;
		/** price items whose price is not known yet (« prix à fixer »); 0 when omitted */
		unpricedItems?: number;
	}[];
	hasSuccessor: boolean;
}

/** The answer of every guard: ok, or a French reason to show as is. */
export type Verdict = { ok: true } | { ok: false; reason: string };

export function isContractStatus(value: unknown): value is ContractStatus {
	return typeof value === 'string' && (CONTRACT_STATUSES as readonly string[]).includes(value);
}

export function isModule(value: unknown): value is Module {
	return typeof value === 'string' && (MODULES as readonly string[]).includes(value);
}

export function isVatRate(value: unknown): value is VatRate {
	return typeof value === 'number' && (VAT_RATES as readonly number[]).includes(value);
}
