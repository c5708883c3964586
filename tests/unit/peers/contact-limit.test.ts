import { describe, expect, it } from 'vitest';
import {
	NEW_CONVERSATIONS_PER_DAY,
	NEW_CONVERSATIONS_PER_HOUR,
	newConversationVerdict,
	REPLIES_PER_HOUR,
	replyVerdict,
	waitInWords
} from '../../../src/lib/domain/peers/contact-limit';

const MIN = 60_000;
const HOUR = 60 * MIN;
const NOW = Date.UTC(2026, 11, 7, 10, 0);
const times = (n: number, spacing: number, from = NOW) =>
	Array.from({ length: n }, (_, i) => from - i * spacing);

describe('new conversations', () => {
	it('allows up to the hourly limit', () => {
		expect(newConversationVerdict([], NOW).allowed).toBe(true);
		expect(newConversationVerdict(times(NEW_CONVERSATIONS_PER_HOUR - 1, MIN), NOW).allowed).toBe(
			true
		);
	});

	it('refuses past the hourly limit until the oldest message leaves the hour', () => {
		// five messages at 10:00, 9:50, 9:40, 9:30, 9:20: a place frees up at 10:20
		const sent = times(NEW_CONVERSATIONS_PER_HOUR, 10 * MIN);
		const verdict = newConversationVerdict(sent, NOW);
		expect(verdict).toMatchObject({ allowed: false, retryAfterMs: 20 * MIN });
		if (!verdict.allowed) {
			expect(verdict.message).toContain('5 nouveaux messages à des pairs par heure');
			expect(verdict.message).toContain('dans 20 minutes');
		}
		expect(newConversationVerdict(sent, NOW + 20 * MIN).allowed).toBe(true);
	});

	it('refuses past the daily limit even when spread over the day', () => {
		const sent = times(NEW_CONVERSATIONS_PER_DAY, HOUR, NOW - HOUR);
		const verdict = newConversationVerdict(sent, NOW);
		expect(verdict.allowed).toBe(false);
		if (!verdict.allowed) expect(verdict.message).toContain('par jour');
		// messages older than a day no longer count
		expect(
			newConversationVerdict(times(NEW_CONVERSATIONS_PER_DAY, HOUR, NOW - 5 * HOUR), NOW).allowed
		).toBe(true);
	});
});

describe('replies', () => {
	it('allows a conversation at a normal pace and stops a flood', () => {
		expect(replyVerdict(times(REPLIES_PER_HOUR - 1, MIN), NOW).allowed).toBe(true);
		expect(replyVerdict(times(REPLIES_PER_HOUR, MIN), NOW).allowed).toBe(false);
	});
});

describe('waiting times in words', () => {
	it.each([
		[1, 'dans 1 minute'],
		[30 * 1000, 'dans 1 minute'],
		[2 * MIN, 'dans 2 minutes'],
		[59 * MIN, 'dans 59 minutes'],
		[61 * MIN, 'dans 2 heures'],
		[HOUR, 'dans 1 heure']
	])('%i ms is %s', (ms, words) => {
		expect(waitInWords(ms)).toBe(words);
	});
});
