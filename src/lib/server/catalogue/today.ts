/** The calendar day in Brussels at `now`: what "today" means for every catalogue rule. */
const dayFormat = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Brussels',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

export function brusselsToday(now = new Date()): string {
	return dayFormat.format(now);
}
