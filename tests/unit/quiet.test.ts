import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	noteUpdateAccepted,
	QUIET_MS,
	QUIET_WAIT_MAX_MS,
	quietForMs,
	whenQuiet
} from '../../src/lib/server/collab/quiet';

describe('background work in a pause between updates', () => {
	beforeEach(() => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'performance'] });
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('runs in a later turn, at once, when no update came for a while', () => {
		noteUpdateAccepted(performance.now() - 10 * QUIET_MS);
		const task = vi.fn();
		whenQuiet(task, QUIET_WAIT_MAX_MS);
		expect(task).not.toHaveBeenCalled(); // never in the caller's turn
		vi.advanceTimersByTime(0);
		expect(task).toHaveBeenCalledTimes(1);
	});

	it('waits until no update came for QUIET_MS, however many arrive meanwhile', () => {
		noteUpdateAccepted();
		const task = vi.fn();
		whenQuiet(task, QUIET_WAIT_MAX_MS);
		vi.advanceTimersByTime(2);
		noteUpdateAccepted(); // at 2 ms: the pause starts over
		vi.advanceTimersByTime(QUIET_MS - 1);
		expect(task).not.toHaveBeenCalled();
		expect(quietForMs()).toBe(QUIET_MS - 1);
		vi.advanceTimersByTime(1);
		expect(task).toHaveBeenCalledTimes(1);
	});

	it('runs at the latest after its longest wait when updates never pause', () => {
		const task = vi.fn();
		whenQuiet(task, 50);
		for (let ms = 0; ms < 49; ms++) {
			noteUpdateAccepted();
			vi.advanceTimersByTime(1);
		}
		expect(task).not.toHaveBeenCalled();
		noteUpdateAccepted();
		vi.advanceTimersByTime(1);
		expect(task).toHaveBeenCalledTimes(1);
	});
});
