import type { Writable } from 'node:stream';
import * as ws from 'ws';
import { describe, expect, it } from 'vitest';
import { binaryFrame } from '../../server/sync/frame';

/** ws's own frame parser (exported by ws, left out of its type definitions) */
const { Receiver } = ws as unknown as {
	Receiver: new (options: { isServer: boolean; maxPayload: number }) => Writable;
};

/** What a client's ws receiver reads from the bytes: the messages, in order, or the error. */
function receive(bytes: Buffer): Promise<Buffer[]> {
	return new Promise((resolve, reject) => {
		const receiver = new Receiver({ isServer: false, maxPayload: 0 });
		const messages: Buffer[] = [];
		receiver.on('message', (data: Buffer, isBinary: boolean) => {
			expect(isBinary).toBe(true);
			messages.push(data);
		});
		receiver.on('error', reject);
		receiver.write(bytes, () => resolve(messages));
	});
}

describe('a frame written once for many peers', () => {
	it.each([0, 1, 125, 126, 127, 65_535, 65_536, 300_000])(
		'carries a %i-byte message whole, as ws reads it',
		async (size) => {
			const payload = Uint8Array.from({ length: size }, (_, i) => (i * 31 + 7) & 0xff);
			const [message, ...rest] = await receive(binaryFrame(payload));
			expect(rest).toEqual([]);
			expect(message.equals(Buffer.from(payload))).toBe(true);
		}
	);

	it('follows another frame on the same socket without merging into it', async () => {
		const first = binaryFrame(Uint8Array.of(1, 2, 3));
		const second = binaryFrame(new Uint8Array(200).fill(9));
		const messages = await receive(Buffer.concat([first, second]));
		expect(messages.map((m) => m.length)).toEqual([3, 200]);
	});
});
