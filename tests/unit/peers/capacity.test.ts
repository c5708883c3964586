import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	capacityChangeVerdict,
	hasStarted,
	MAX_PARTICIPANTS_PER_REGISTRATION,
	registrationOpen,
	registrationVerdict,
	remainingPlaces,
	scheduleChanged
} from '../../../src/lib/domain/peers/capacity';

describe('event capacity', () => {
	it.each([
		[{ capacity: 10, taken: 0 }, 3, 0, true],
		[{ capacity: 10, taken: 7 }, 3, 0, true],
		[{ capacity: 10, taken: 8 }, 3, 0, false],
		[{ capacity: 10, taken: 10 }, 1, 0, false],
		// a commune holding 2 places asks for 4: its own 2 come back first
		[{ capacity: 10, taken: 8 }, 4, 2, true],
		[{ capacity: 10, taken: 8 }, 5, 2, false]
	])('%o, %i asked by one holding %i: %s', (places, requested, own, ok) => {
		expect(registrationVerdict(places, requested, own).ok).toBe(ok);
	});

	it('says how many places remain, or that the event is full', () => {
		expect(registrationVerdict({ capacity: 10, taken: 8 }, 3)).toEqual({
			ok: false,
			message: 'Il ne reste que 2 places pour cette rencontre.'
		});
		expect(registrationVerdict({ capacity: 10, taken: 9 }, 3)).toEqual({
			ok: false,
			message: 'Il ne reste que 1 place pour cette rencontre.'
		});
		expect(registrationVerdict({ capacity: 10, taken: 10 }, 1)).toEqual({
			ok: false,
			message: 'Cette rencontre est complète.'
		});
	});

	it('refuses no participant, fractions and more than one organisation may bring', () => {
		expect(registrationVerdict({ capacity: 100, taken: 0 }, 0).ok).toBe(false);
		expect(registrationVerdict({ capacity: 100, taken: 0 }, 1.5).ok).toBe(false);
		expect(
			registrationVerdict({ capacity: 100, taken: 0 }, MAX_PARTICIPANTS_PER_REGISTRATION + 1).ok
		).toBe(false);
	});

	it('never lets accepted registrations exceed the capacity, whatever the order', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 60 }),
				fc.array(fc.integer({ min: -2, max: 25 }), { maxLength: 40 }),
				(capacity, requests) => {
					let taken = 0;
					for (const requested of requests)
						if (registrationVerdict({ capacity, taken }, requested).ok) taken += requested;
					return taken <= capacity && remainingPlaces({ capacity, taken }) === capacity - taken;
				}
			)
		);
	});

	it('closes registration when the event starts, and takes documents from then on', () => {
		const start = Date.UTC(2027, 2, 15, 9);
		expect(registrationOpen(start, start - 1)).toBe(true);
		expect(registrationOpen(start, start)).toBe(false);
		expect(registrationOpen(start, start - 1, true)).toBe(false);
		expect(hasStarted(start, start - 1)).toBe(false);
		expect(hasStarted(start, start)).toBe(true);
	});
});

describe('changing a rencontre', () => {
	it('refuses a capacity below the places taken, saying how many are taken', () => {
		expect(capacityChangeVerdict(12, 12)).toEqual({ ok: true });
		expect(capacityChangeVerdict(30, 12)).toEqual({ ok: true });
		const refused = capacityChangeVerdict(10, 12);
		expect(refused.ok).toBe(false);
		expect(!refused.ok && refused.message).toMatch(/^12 places sont déjà prises : /);
	});

	const at = { startsAt: 1000, endsAt: 2000, place: 'Mons', videoUrl: '' };
	it.each([
		[{}, false],
		[{ startsAt: 1500 }, true],
		[{ endsAt: 2500 }, true],
		[{ place: 'Namur' }, true],
		[{ videoUrl: 'https://visio.example.be/x' }, true]
	])('a change of %o is worth telling: %s', (change, told) => {
		expect(scheduleChanged(at, { ...at, ...change })).toBe(told);
	});
});
