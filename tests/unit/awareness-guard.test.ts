import { describe, expect, it } from 'vitest';
import {
	AWARENESS_BURST,
	AWARENESS_PER_SECOND,
	AwarenessGuard
} from '../../server/sync/yjs/awareness-guard';
import { awarenessEntries as update } from '../support/awareness-wire';

const nobodyElse = () => false;

describe('the awareness guard', () => {
	it('speaks for the first client it hears about and keeps only that client', () => {
		const guard = new AwarenessGuard();
		expect(guard.own(update([7, 1, '{"user":{"name":"Karim"}}']), nobodyElse)).not.toBeNull();
		expect(guard.clientId).toBe(7);
		const mixed = guard.own(update([9, 4, '{"user":{"name":"Marc"}}'], [7, 2, '{}']), nobodyElse);
		expect(mixed).toEqual(update([7, 2, '{}']));
		expect(guard.own(update([9, 5, '{}']), nobodyElse)).toBeNull();
	});

	it('does not take a client id another connection already speaks for', () => {
		const guard = new AwarenessGuard();
		expect(guard.own(update([9, 1, '{}']), (id) => id === 9)).toBeNull();
		expect(guard.clientId).toBeNull();
	});

	it('refuses a state that is not JSON, but ignores what it drops anyway', () => {
		const guard = new AwarenessGuard();
		guard.own(update([7, 1, '{}']), nobodyElse);
		expect(() => guard.own(update([7, 2, '{pas du json']), nobodyElse)).toThrow();
		expect(guard.own(update([9, 1, '{pas du json'], [7, 3, 'null']), nobodyElse)).toEqual(
			update([7, 3, 'null'])
		);
	});

	it('gives a burst of turns, then one per tick of the rate, and says how long to wait', () => {
		let now = 1_000_000;
		const guard = new AwarenessGuard(() => now);
		for (let i = 0; i < AWARENESS_BURST; i++) expect(guard.turn()).toBe(0);
		const tick = 1000 / AWARENESS_PER_SECOND;
		expect(guard.turn()).toBe(tick);
		now += tick / 2;
		expect(guard.turn()).toBe(tick / 2); // waiting spent nothing
		now += tick / 2;
		expect(guard.turn()).toBe(0);
		expect(guard.turn()).toBe(tick);
		now += 60_000;
		for (let i = 0; i < AWARENESS_BURST; i++) expect(guard.turn()).toBe(0);
		expect(guard.turn()).toBeGreaterThan(0);
	});
});
