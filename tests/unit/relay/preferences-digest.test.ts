import { describe, expect, it } from 'vitest';
import { digestHtml, digestText, groupDigest, subjectOf } from '$lib/domain/relay/digest';
import { backoffMs, classifySmtpError, givesUp } from '$lib/domain/relay/mail-retry';
import { channelFor, preferenceKind } from '$lib/domain/relay/preferences';

describe('delivery preferences', () => {
	it.each([
		['default for announcements', 'announcement', {}, false, 'immediate'],
		['default for groups', 'group', {}, false, 'daily'],
		[
			'the person chose a weekly digest',
			'announcement',
			{ announcement: 'weekly' },
			false,
			'weekly'
		],
		['critical is always immediate', 'announcement', { announcement: 'app' }, true, 'immediate']
	] as const)('%s', (_, kind, chosen, critical, expected) => {
		expect(channelFor(kind, chosen, critical)).toBe(expected);
	});

	it.each([
		['group.phase', 'group'],
		['announcement', 'announcement'],
		['reminder.contract-end', 'reminder'],
		['order.submitted', null],
		['backup.failed', null]
	] as const)('notification kind %s counts as %s', (kind, expected) => {
		expect(preferenceKind(kind)).toBe(expected);
	});
});

describe('digest grouping', () => {
	const at = (h: number) => new Date(Date.UTC(2027, 0, 15, h));
	const item = (subjectKey: string, title: string, h: number) => ({
		subjectKey,
		subjectTitle: subjectKey.toUpperCase(),
		title,
		link: `/${subjectKey}`,
		at: at(h)
	});

	it('groups by subject, latest subject first, items in time order', () => {
		const groups = groupDigest([
			item('contract:1', 'b', 9),
			item('group:2', 'c', 10),
			item('contract:1', 'a', 8),
			item('contract:1', 'd', 11)
		]);
		expect(groups.map((g) => [g.subjectKey, g.items.map((i) => i.title)])).toEqual([
			['contract:1', ['a', 'b', 'd']],
			['group:2', ['c']]
		]);
	});

	it('says nothing when there is nothing new', () => {
		expect(groupDigest([])).toEqual([]);
		expect(digestText('daily', [], (l) => l)).toBeNull();
	});

	it('writes absolute links in the text', () => {
		const text = digestText(
			'weekly',
			groupDigest([item('group:2', 'Séance', 9)]),
			(l) => `https://c.be${l}`
		);
		expect(text).toContain('cette semaine');
		expect(text).toContain('■ GROUP:2');
		expect(text).toContain('https://c.be/group:2');
	});
});

describe('outbox retries', () => {
	it.each([
		[{ code: 'ECONNREFUSED' }, 'transient'],
		[{ code: 'ETIMEDOUT' }, 'transient'],
		[{ responseCode: 421 }, 'transient'],
		[{ responseCode: 451 }, 'transient'],
		[{ responseCode: 550 }, 'permanent'],
		[{ responseCode: 554 }, 'permanent']
	] as const)('%j is %s', (err, expected) => expect(classifySmtpError(err)).toBe(expected));

	it('backs off exponentially, at most an hour', () => {
		expect([0, 1, 2, 3, 8, 20].map(backoffMs)).toEqual([
			0, 30_000, 60_000, 120_000, 3_600_000, 3_600_000
		]);
	});

	it('gives up on 5xx after 3 tries, on transient failures much later', () => {
		expect(givesUp('permanent', 2)).toBe(false);
		expect(givesUp('permanent', 3)).toBe(true);
		expect(givesUp('transient', 3)).toBe(false);
		expect(givesUp('transient', 40)).toBe(true);
	});
});

describe('digest subjects and HTML', () => {
	it.each([
		['/groupes/3/tableau', 'groupes/3'],
		['/groupes/3/membres', 'groupes/3'],
		['/catalogue/IGR-1?x=1', 'catalogue/IGR-1'],
		['/annonces/9', 'annonces']
	])('%s is about %s', (link, key) => expect(subjectOf(link).key).toBe(key));

	it('escapes what people wrote in the HTML part', () => {
		const html = digestHtml(
			'daily',
			groupDigest([
				{ subjectKey: 'a', subjectTitle: 'A & B', title: '<script>', link: '/x', at: new Date() }
			]),
			(l) => `https://c.be${l}`
		);
		expect(html).toContain('A &#38; B');
		expect(html).toContain('&#60;script&#62;');
		expect(html).toContain('href="https://c.be/x"');
	});
});
