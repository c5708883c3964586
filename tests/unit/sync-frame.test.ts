import type { Writable } from 'node:stream';
import * as ws from 'ws';
import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { binaryFrame } from '../../server/sync/frame';
import { MESSAGE_SYNC, updateFrame } from '../../server/sync/yjs/protocol';

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

describe('the frame that relays an update', () => {
	// around the varint's byte boundaries (128, 16,384) and the frame header's (126, 65,536)
	it.each([0, 1, 121, 122, 123, 127, 128, 16_383, 16_384, 65_531, 65_532, 70_000])(
		'is the y-websocket update message of a %i-byte update, as a client reads it',
		async (size) => {
			const update = Uint8Array.from({ length: size }, (_, i) => (i * 13 + 5) & 0xff);
			const frame = updateFrame(update);
			const [message, ...rest] = await receive(frame.frame);
			expect(rest).toEqual([]);
			const decoder = decoding.createDecoder(new Uint8Array(message));
			expect(decoding.readVarUint(decoder)).toBe(MESSAGE_SYNC);
			expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsUpdate);
			expect(Buffer.from(decoding.readVarUint8Array(decoder)).equals(Buffer.from(update))).toBe(
				true
			);
			expect(decoding.hasContent(decoder)).toBe(false);
			// the update inside the frame, without a copy of its own
			expect(Buffer.from(frame.update).equals(Buffer.from(update))).toBe(true);
			expect(frame.update.buffer).toBe(frame.frame.buffer);
		}
	);
});
