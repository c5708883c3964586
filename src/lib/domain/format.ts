/** Display formats for Belgian French readers; dates in Europe/Brussels. */
const TIME_ZONE = 'Europe/Brussels';

/*
 * Each formatter is made on first use: a module that merely imports this one (the server's
 * entry, the sync hub) then never loads ICU's locale and time-zone data, about 10 MB resident.
 */
function once<T>(make: () => T): () => T {
	let made: T | undefined;
	return () => (made ??= make());
}

/** "15 mars 2027", and with the time: "15 mars 2027 à 14:05" */
const DAY: Intl.DateTimeFormatOptions = {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: TIME_ZONE
};
const dateFormat = once(() => new Intl.DateTimeFormat('fr-BE', DAY));
const dateTimeFormat = once(
	() => new Intl.DateTimeFormat('fr-BE', { ...DAY, hour: '2-digit', minute: '2-digit' })
);
const moneyFormat = once(
	() => new Intl.NumberFormat('fr-BE', { style: 'currency', currency: 'EUR' })
);

/** "15 mars 2027" */
export function formatDate(value: Date | number | string): string {
	return dateFormat().format(toDate(value));
}

/** "15 mars 2027 à 14:05" */
export function formatDateTime(value: Date | number | string): string {
	return dateTimeFormat().format(toDate(value));
}

const quantityFormat = once(() => new Intl.NumberFormat('fr-BE', { maximumFractionDigits: 2 }));

/** "2,5" or "1 000" from a quantity in hundredths (250, 100000): quantities have two decimals at most */
export function formatQuantity(hundredths: number): string {
	return quantityFormat().format(hundredths / 100);
}

/** "12 345,67 €" from integer cents */
export function formatMoney(cents: number): string {
	return moneyFormat().format(cents / 100);
}

function toDate(value: Date | number | string): Date {
	if (value instanceof Date) return value;
	// a bare calendar date is a Brussels date: noon UTC keeps it on the same day
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
		return new Date(`${value}T12:00:00Z`);
	}
	return new Date(value);
}
