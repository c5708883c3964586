/**
 * Keeps a connection's awareness honest: it may only describe its own client (learnt from its
 * first awareness update), within a size and a rate.
 *
 * y-websocket clients re-send every state they hear about, so while two people type each
 * client's messages are half echoes of the other's. Those entries are dropped without costing
 * anything: only the connection's own states count against its rate, or a busy board would starve
 * everyone's cursor. Over the rate, own states are held back rather than lost (see Connection).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { TokenBucket } from '../token-bucket';

/** presence is a name, a colour and a cursor: anything bigger is not presence */
export const MAX_AWARENESS_BYTES = 32 * 1024;
/** awareness messages per connection: a burst, then a steady rate (cursor moves are bursty) */
export const AWARENESS_BURST = 40;
export const AWARENESS_PER_SECOND = 20;
/**
 * answers to presence queries per connection: a client asks when it (re)connects, and each
 * answer carries everyone's state, so a few in a burst and then two a second are plenty
 */
export const QUERY_BURST = 4;
export const QUERY_PER_SECOND = 2;

export class AwarenessGuard {
	/** the client id this connection speaks for, once known */
	clientId: number | null = null;
	private readonly rate: TokenBucket;

	constructor(now: () => number = Date.now) {
		this.rate = new TokenBucket(AWARENESS_BURST, AWARENESS_PER_SECOND, now);
	}

	/**
	 * The part of `update` about this connection's own client, re-encoded, or null when there is
	 * none (or the update is too big to be presence). `claimedElsewhere` tells whether another
	 * connection already speaks for a client id. Throws on a malformed update (the caller closes
	 * the connection).
	 */
	own(update: Uint8Array, claimedElsewhere: (clientId: number) => boolean): Uint8Array | null {
		if (update.byteLength > MAX_AWARENESS_BYTES) return null;
		const decoder = decoding.createDecoder(update);
		const kept: [number, number, string][] = [];
		const count = decoding.readVarUint(decoder);
		for (let i = 0; i < count; i++) {
			const clientId = decoding.readVarUint(decoder);
			const clock = decoding.readVarUint(decoder);
			const state = decoding.readVarString(decoder);
			if (this.clientId === null && !claimedElsewhere(clientId)) this.clientId = clientId;
			if (clientId !== this.clientId) continue;
			JSON.parse(state); // a state that is not JSON is a malformed message
			kept.push([clientId, clock, state]);
		}
		if (!kept.length) return null;
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, kept.length);
		for (const [clientId, clock, state] of kept) {
			encoding.writeVarUint(encoder, clientId);
			encoding.writeVarUint(encoder, clock);
			encoding.writeVarString(encoder, state);
		}
		return encoding.toUint8Array(encoder);
	}

	/**
	 * Spends one of the connection's turns to publish its state: 0 when it may go now, otherwise
	 * how many milliseconds until the next turn (nothing is spent then).
	 */
	turn(): number {
		return this.rate.take();
	}
}
