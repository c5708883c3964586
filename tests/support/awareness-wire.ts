import * as encoding from 'lib0/encoding';

/**
 * An awareness update as y-protocols encodes it (the payload of an awareness message), built by
 * hand so that tests can send states the library would never produce: raw, even malformed, JSON.
 */
export function awarenessEntries(
	...entries: [clientId: number, clock: number, state: string][]
): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, entries.length);
	for (const [clientId, clock, state] of entries) {
		encoding.writeVarUint(encoder, clientId);
		encoding.writeVarUint(encoder, clock);
		encoding.writeVarString(encoder, state);
	}
	return encoding.toUint8Array(encoder);
}
