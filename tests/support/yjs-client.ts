/**
 * Real y-websocket 3.1 clients in Node for integration tests and benchmarks: `ws` as the
 * WebSocket, the session cookie and Origin sent as a browser would, BroadcastChannel off (clients in
 * one process would otherwise sync through it and bypass the server).
 */
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export interface YjsClientOptions {
	/** the `Cookie` header (e.g. from Client.cookieHeader) */
	cookie?: string;
	/** defaults to the server's own origin */
	origin?: string;
	doc?: Y.Doc;
	/** the path the hub serves, without the document name */
	path?: string;
}

export interface YjsClient {
	doc: Y.Doc;
	provider: WebsocketProvider;
	/** resolves on the first full sync with the server */
	synced: Promise<void>;
	/** resolves with the close code of the first connection the server closed */
	closed: Promise<{ code: number; reason: string }>;
	destroy: () => void;
}

/** A WebSocket class that sends our headers, as y-websocket constructs it with (url, protocols). */
export function webSocketWithHeaders(headers: Record<string, string>): typeof globalThis.WebSocket {
	class WithHeaders extends WebSocket {
		constructor(url: string, protocols?: string | string[]) {
			super(url, protocols, { headers });
		}
	}
	return WithHeaders as unknown as typeof globalThis.WebSocket;
}

export function connectYjs(
	baseUrl: string,
	docName: string,
	options: YjsClientOptions = {}
): YjsClient {
	const doc = options.doc ?? new Y.Doc();
	const headers: Record<string, string> = { origin: options.origin ?? baseUrl };
	if (options.cookie) headers.cookie = options.cookie;
	const serverUrl = baseUrl.replace(/^http/, 'ws') + (options.path ?? '/sync/yjs');
	const provider = new WebsocketProvider(serverUrl, docName, doc, {
		WebSocketPolyfill: webSocketWithHeaders(headers),
		disableBc: true,
		maxBackoffTime: 500
	});
	const synced = new Promise<void>((resolve) => {
		if (provider.synced) resolve();
		provider.on('sync', (isSynced: boolean) => isSynced && resolve());
	});
	const closed = new Promise<{ code: number; reason: string }>((resolve) => {
		provider.on('connection-close', (event) => {
			if (event) resolve({ code: event.code, reason: event.reason });
		});
	});
	return {
		doc,
		provider,
		synced,
		closed,
		destroy: () => {
			provider.destroy();
			doc.destroy();
		}
	};
}

/** Polls `check` until it holds (or throws after `timeoutMs`). */
export async function eventually(check: () => boolean, timeoutMs = 5000, what = 'condition') {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 20));
	}
}

/** A bare WebSocket on a document, for speaking (or mangling) the protocol by hand. */
export function rawSocket(
	baseUrl: string,
	docName: string,
	headers: Record<string, string>
): Promise<WebSocket> {
	const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/sync/yjs/${docName}`, {
		headers: { origin: baseUrl, ...headers }
	});
	return new Promise((resolve, reject) => {
		ws.once('open', () => resolve(ws));
		ws.once('error', reject);
	});
}

/** Resolves with the close code when the server closes `ws`. */
export function closeCode(ws: WebSocket): Promise<number> {
	return new Promise((resolve) => {
		if (ws.readyState === WebSocket.CLOSED) return resolve(-1);
		ws.once('close', (code) => resolve(code));
	});
}
