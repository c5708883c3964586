/**
 * How often one person may write to peers through the portal. The portal relays messages to
 * people who never gave out their address: it must not become a way to flood them. The limit is
 * documented in the README (« Contacter un pair ») and told to the sender when reached.
 *
 * - a new conversation (a message to « les utilisateurs de X à Y »): at most
 *   NEW_CONVERSATIONS_PER_HOUR in any hour and NEW_CONVERSATIONS_PER_DAY in any 24 hours;
 * - replies inside conversations one takes part in: at most REPLIES_PER_HOUR in any hour.
 *
 * Pure: the caller passes the times (UTC ms) of the person's recent messages of that kind.
 */

export const NEW_CONVERSATIONS_PER_HOUR = 5;
export const NEW_CONVERSATIONS_PER_DAY = 20;
export const REPLIES_PER_HOUR = 30;

const HOUR_MS = 60 * 60_000;
const DAY_MS = 24 * HOUR_MS;

/** how far back the caller must look */
export const CONTACT_WINDOW_MS = DAY_MS;

export type ContactVerdict =
	{ allowed: true } | { allowed: false; retryAfterMs: number; message: string };

interface Window {
	span: number;
	max: number;
}

function verdict(sentAt: readonly number[], now: number, windows: Window[], what: string) {
	for (const { span, max } of windows) {
		const recent = sentAt.filter((t) => t > now - span && t <= now).sort((a, b) => a - b);
		if (recent.length < max) continue;
		// a place frees up when the oldest message that still counts leaves the window
		const retryAfterMs = recent[recent.length - max] + span - now;
		const per = span === HOUR_MS ? 'par heure' : 'par jour';
		return {
			allowed: false as const,
			retryAfterMs,
			message:
				`Vous avez atteint la limite de ${max} ${what} ${per}. ` +
				`Vous pourrez écrire à nouveau ${waitInWords(retryAfterMs)}.`
		};
	}
	return { allowed: true as const };
}

/** "dans 12 minutes", "dans 3 heures" */
export function waitInWords(ms: number): string {
	const minutes = Math.max(1, Math.ceil(ms / 60_000));
	if (minutes < 60) return `dans ${minutes} minute${minutes > 1 ? 's' : ''}`;
	const hours = Math.ceil(minutes / 60);
	return `dans ${hours} heure${hours > 1 ? 's' : ''}`;
}

/** May this person start one more conversation now? */
export function newConversationVerdict(sentAt: readonly number[], now: number): ContactVerdict {
	return verdict(
		sentAt,
		now,
		[
			{ span: HOUR_MS, max: NEW_CONVERSATIONS_PER_HOUR },
			{ span: DAY_MS, max: NEW_CONVERSATIONS_PER_DAY }
		],
		'nouveaux messages à des pairs'
	);
}

/** May this person send one more reply now? */
export function replyVerdict(sentAt: readonly number[], now: number): ContactVerdict {
	return verdict(sentAt, now, [{ span: HOUR_MS, max: REPLIES_PER_HOUR }], 'réponses');
}
