/**
 * Places at a rencontre. Capacity counts participants, not organisations: a commune registers
 * how many of its people come. The server decides inside one transaction with the current
 * count, so two registrations at once cannot both take the last place.
 */

export const MAX_PARTICIPANTS_PER_REGISTRATION = 20;

export interface EventPlaces {
	capacity: number;
	/** participants registered by every organisation */
	taken: number;
}

export type RegistrationVerdict = { ok: true } | { ok: false; message: string };

export function remainingPlaces(places: EventPlaces): number {
	return Math.max(0, places.capacity - places.taken);
}

/**
 * May an organisation register `requested` participants, given it already holds `ownBefore`
 * (a commune changing its number gives its own places back first)?
 */
export function registrationVerdict(
	places: EventPlaces,
	requested: number,
	ownBefore = 0
): RegistrationVerdict {
	if (!Number.isInteger(requested) || requested < 1)
		return { ok: false, message: 'Indiquez au moins un participant.' };
	if (requested > MAX_PARTICIPANTS_PER_REGISTRATION)
		return {
			ok: false,
			message: `Une organisation inscrit au plus ${MAX_PARTICIPANTS_PER_REGISTRATION} participants.`
		};
	const free = places.capacity - (places.taken - ownBefore);
	if (requested <= free) return { ok: true };
	if (free <= 0) return { ok: false, message: 'Cette rencontre est complète.' };
	return {
		ok: false,
		message: `Il ne reste que ${free} place${free > 1 ? 's' : ''} pour cette rencontre.`
	};
}

/** Registration is open until the event starts; minutes and slides come after it has started. */
export function registrationOpen(startsAt: number, now: number, cancelled = false): boolean {
	return !cancelled && now < startsAt;
}

export function hasStarted(startsAt: number, now: number): boolean {
	return now >= startsAt;
}

/** May the organiser set the capacity to `capacity` with `taken` places already registered? */
export function capacityChangeVerdict(capacity: number, taken: number): RegistrationVerdict {
	if (capacity >= taken) return { ok: true };
	return {
		ok: false,
		message: `${taken} places sont déjà prises : prévoyez au moins ${taken} places, ou demandez aux communes inscrites de réduire leur nombre.`
	};
}

export interface EventSchedule {
	/** UTC ms */
	startsAt: number;
	endsAt: number;
	place: string;
	videoUrl: string;
}

/** Do the registered need to hear about this change (the date, the time or the place moved)? */
export function scheduleChanged(before: EventSchedule, after: EventSchedule): boolean {
	return (
		before.startsAt !== after.startsAt ||
		before.endsAt !== after.endsAt ||
		before.place !== after.place ||
		before.videoUrl !== after.videoUrl
	);
}
