/**
 * Keeps a connection's awareness honest: it may only describe its own client (learnt from its
 * first awareness update), within a size and a rate. y-websocket clients re-send the states of
 * others they heard about, so entries about others are dropped rather than the connection closed.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { AWARENESS_BURST, AWARENESS_PER_SECOND, MAX_AWARENESS_BYTES } from './limits';

export class AwarenessGuard {
	/** the client id this connection speaks for, once known */
	clientId: number | null = null;
	private tokens = AWARENESS_BURST;
	private refilledAt = Date.now();

	/**
	 * The part of `update` this connection may publish, re-encoded, or null to drop it all.
	 * `claimedElsewhere` tells whether another connection already speaks for a client id.
	 * Throws on a malformed update (the caller closes the connection).
	 */
	filter(update: Uint8Array, claimedElsewhere: (clientId: number) => boolean): Uint8Array | null {
		if (update.byteLength > MAX_AWARENESS_BYTES || !this.takeToken()) return null;
		const decoder = decoding.createDecoder(update);
		const kept: [number, number, string][] = [];
		const count = decoding.readVarUint(decoder);
		for (let i = 0; i < count; i++) {
			const clientId = decoding.readVarUint(decoder);
			const clock = decoding.readVarUint(decoder);
			const state = decoding.readVarString(decoder);
			JSON.parse(state); // a state that is not JSON is a malformed message
			if (this.clientId === null && !claimedElsewhere(clientId)) this.clientId = clientId;
			if (clientId === this.clientId) kept.push([clientId, clock, state]);
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

	private takeToken(): boolean {
		const now = Date.now();
		const refill = ((now - this.refilledAt) / 1000) * AWARENESS_PER_SECOND;
		this.tokens = Math.min(AWARENESS_BURST, this.tokens + refill);
		this.refilledAt = now;
		if (this.tokens < 1) return false;
		this.tokens -= 1;
		return true;
	}
}
