import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	ADDRESS_CEILING,
	ADDRESS_SPACING_MS,
	ADDRESS_WINDOW_MS,
	addressKey,
	DEVICE_MAX_FAILURES,
	loginVerdict,
	PAIR_FREE_FAILURES,
	PAIR_MAX_DELAY_MS,
	PAIR_WINDOW_MS,
	pairDelayMs,
	waitLabel,
	type LoginHistory
} from '../../src/lib/domain/login-throttle';

const NOW = Date.UTC(2027, 2, 15, 9, 0);
const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** `n` failures, the latest `lastAgo` ms before NOW, one `spacing` apart going back */
const failures = (n: number, lastAgo = 0, spacing = SECOND) =>
	Array.from({ length: n }, (_, i) => NOW - lastAgo - i * spacing);

const history = (h: Partial<LoginHistory>): LoginHistory => ({
	pair: [],
	address: [],
	device: null,
	...h
});

describe('growing delays per account and address', () => {
	it.each([
		[0, 0],
		[PAIR_FREE_FAILURES - 1, 0],
		[PAIR_FREE_FAILURES, 30 * SECOND],
		[PAIR_FREE_FAILURES + 1, MINUTE],
		[PAIR_FREE_FAILURES + 2, 2 * MINUTE],
		[PAIR_FREE_FAILURES + 4, 8 * MINUTE],
		[PAIR_FREE_FAILURES + 5, 15 * MINUTE],
		[PAIR_FREE_FAILURES + 50, 15 * MINUTE]
	])('after %i failures the next attempt waits %i ms', (n, delay) => {
		expect(pairDelayMs(n)).toBe(delay);
	});

	it('never shrinks as failures grow, never exceeds the cap', () => {
		fc.assert(
			fc.property(fc.nat(1000), (n) => {
				expect(pairDelayMs(n + 1)).toBeGreaterThanOrEqual(pairDelayMs(n));
				expect(pairDelayMs(n)).toBeLessThanOrEqual(PAIR_MAX_DELAY_MS);
			})
		);
	});

	it.each([
		['free failures', failures(PAIR_FREE_FAILURES - 1), { allowed: true, knownDevice: false }],
		[
			'the delay counts from the last failure',
			failures(PAIR_FREE_FAILURES, 10 * SECOND),
			{ allowed: false, retryAfterMs: 20 * SECOND, reason: 'pair' }
		],
		[
			'once it has passed',
			failures(PAIR_FREE_FAILURES, 30 * SECOND),
			{ allowed: true, knownDevice: false }
		],
		[
			'failures older than the window are forgotten',
			failures(50, PAIR_WINDOW_MS + 1),
			{ allowed: true, knownDevice: false }
		]
	])('%s', (_, pair, verdict) => {
		expect(loginVerdict(history({ pair }), NOW)).toEqual(verdict);
	});
});

describe('the address’s ceiling', () => {
	it.each([
		['below the ceiling, other accounts’ failures cost nothing', ADDRESS_CEILING - 1, 0, true],
		['over it, attempts are spaced', ADDRESS_CEILING, SECOND, false],
		['spaced, not blocked: the next slot comes', ADDRESS_CEILING, ADDRESS_SPACING_MS, true]
	])('%s', (_, n, lastAgo, allowed) => {
		const verdict = loginVerdict(history({ address: failures(n, lastAgo, 10) }), NOW);
		expect(verdict.allowed).toBe(allowed);
		if (!verdict.allowed) {
			expect(verdict.retryAfterMs).toBe(ADDRESS_SPACING_MS - lastAgo);
			expect(verdict.reason).toBe('address');
		}
	});

	it('forgets failures older than its window', () => {
		const old = failures(ADDRESS_CEILING * 3, ADDRESS_WINDOW_MS + 1, 10);
		expect(loginVerdict(history({ address: old }), NOW).allowed).toBe(true);
	});

	it('says the longer wait when the pair and the address both hold back', () => {
		const verdict = loginVerdict(
			history({ pair: failures(PAIR_FREE_FAILURES + 2), address: failures(ADDRESS_CEILING) }),
			NOW
		);
		expect(verdict).toEqual({ allowed: false, retryAfterMs: 2 * MINUTE, reason: 'pair' });
	});
});

describe('a device that signed in before', () => {
	const attack = { pair: failures(40), address: failures(ADDRESS_CEILING * 2, 0, 10) };

	it('may try whatever the pair and the address went through', () => {
		expect(loginVerdict(history({ ...attack, device: [] }), NOW)).toEqual({
			allowed: true,
			knownDevice: true
		});
	});

	it('until it fails too often itself: then the ordinary rules apply', () => {
		const device = failures(DEVICE_MAX_FAILURES);
		expect(loginVerdict(history({ ...attack, device }), NOW).allowed).toBe(false);
		expect(loginVerdict(history({ device }), NOW)).toEqual({ allowed: true, knownDevice: false });
		const forgotten = failures(DEVICE_MAX_FAILURES, PAIR_WINDOW_MS + 1);
		expect(loginVerdict(history({ ...attack, device: forgotten }), NOW).allowed).toBe(true);
	});
});

describe('addresses', () => {
	it.each([
		['203.0.113.66', '203.0.113.66'],
		['::ffff:203.0.113.66', '203.0.113.66'],
		// one IPv6 subscriber holds a /64: its addresses count as one
		['2001:db8:1234:5678:aaaa:bbbb:cccc:dddd', '2001:db8:1234:5678::/64'],
		['2001:db8:1234:5678::1', '2001:db8:1234:5678::/64'],
		['2001:DB8::1', '2001:db8:0:0::/64'],
		['::1', '0:0:0:0::/64'],
		['', 'unknown']
	])('%s counts as %s', (ip, key) => {
		expect(addressKey(ip)).toBe(key);
	});
});

describe('how long to wait, in French', () => {
	it.each([
		[1, '1 seconde'],
		[20 * SECOND, '20 secondes'],
		[59 * SECOND + 1, '1 minute'],
		[MINUTE, '1 minute'],
		[MINUTE + 1, '2 minutes'],
		[15 * MINUTE, '15 minutes']
	])('%i ms → %s', (ms, label) => {
		expect(waitLabel(ms)).toBe(label);
	});
});
