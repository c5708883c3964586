/**
 * The stock automerge-repo WebSocket client, taught two things a browser page needs: to stay
 * quiet while the browser says it is offline (and to reconnect at once when it is back, rather
 * than at the next 5-second retry), and to stop for good when the hub refuses the session or the
 * document (close codes 4401/4403/4404, or `doc-unavailable`, see `refuse`), instead of retrying
 * a refusal forever.
 */
import type { PeerId, PeerMetadata } from '@automerge/automerge-repo';
import { WebSocketClientAdapter } from '@automerge/automerge-repo-network-websocket';

export type Refusal = 'session' | 'forbidden' | 'missing';

export class ReportSocket extends WebSocketClientAdapter {
	#params: [PeerId, PeerMetadata | undefined] | null = null;
	#refusal: Refusal | null = null;
	/** called once when the hub closes the socket for good */
	onRefused: (why: Refusal) => void = () => {};

	get refusal() {
		return this.#refusal;
	}

	override connect(peerId: PeerId, peerMetadata?: PeerMetadata) {
		this.#params = [peerId, peerMetadata];
		if (this.#refusal || !navigator.onLine) return;
		super.connect(peerId, peerMetadata);
		this.socket?.addEventListener('close', this.#closed);
	}

	#closed = (event: { code: number }) => {
		const why: Refusal | null =
			event.code === 4401
				? 'session'
				: event.code === 4403
					? 'forbidden'
					: event.code === 4404
						? 'missing'
						: null;
		if (why) this.refuse(why);
	};

	/** The hub refused (a close code, or `doc-unavailable` for the page's document): stop for good. */
	refuse(why: Refusal) {
		if (this.#refusal) return;
		this.#refusal = why;
		this.goOffline();
		this.onRefused(why);
	}

	/** The browser lost the network: close now, so that edits are known to wait on this device. */
	goOffline() {
		if (this.socket) {
			this.socket.removeEventListener('close', this.#closed);
			this.disconnect();
		}
	}

	/** The browser is back online: connect now. */
	goOnline() {
		if (!this.#params || this.socket?.readyState === WebSocket.OPEN) return;
		this.connect(...this.#params);
	}
}
