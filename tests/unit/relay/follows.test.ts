import { describe, expect, it } from 'vitest';
import {
	contractFollowers,
	isFollowing,
	rowAfterClick
} from '../../../src/lib/domain/relay/follows';

describe('follows', () => {
	it('an adhering commune follows its contract until someone opts out', () => {
		expect(isFollowing(null, true)).toBe(true);
		expect(isFollowing({ optOut: true }, true)).toBe(false);
		expect(isFollowing(null, false)).toBe(false);
		expect(isFollowing({ optOut: false }, false)).toBe(true);
	});

	it('a click stores a follow, an opt-out of a default follow, or nothing', () => {
		expect(rowAfterClick(true, false)).toEqual({ optOut: false });
		expect(rowAfterClick(false, false)).toBeNull();
		expect(rowAfterClick(false, true)).toEqual({ optOut: true });
		expect(rowAfterClick(true, true)).toBeNull();
	});

	it("a contract's followers: explicit ones and adherents' people, minus opt-outs, once each", () => {
		expect(
			contractFollowers({ explicit: [7, 3], optedOut: [4], adherentPeople: [3, 4, 5] })
		).toEqual([3, 5, 7]);
	});
});
