/**
 * Svelte adapter over a board document: components read `board.columns` / `board.cards` and
 * re-render when the Y.Doc changes, local or remote, without knowing about Yjs events.
 */
import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';
import { getCard, listCards, listColumns, type Card, type Column } from './board';

export class BoardView {
	readonly #subscribe: () => void;

	constructor(readonly doc: Y.Doc) {
		this.#subscribe = createSubscriber((update) => {
			doc.on('update', update);
			return () => doc.off('update', update);
		});
	}

	get columns(): Column[] {
		this.#subscribe();
		return listColumns(this.doc);
	}

	get cards(): Card[] {
		this.#subscribe();
		return listCards(this.doc);
	}

	card(id: string): Card | undefined {
		this.#subscribe();
		return getCard(this.doc, id);
	}
}

/** Who else is on the board, from the awareness protocol. */
export interface Peer {
	clientId: number;
	name: string;
	color: string;
	/** id of the card this person edits, if any */
	editing: string | null;
}

interface AwarenessLike {
	clientID: number;
	getStates(): Map<number, Record<string, unknown>>;
	on(event: 'change', fn: () => void): void;
	off(event: 'change', fn: () => void): void;
}

export class PresenceView {
	readonly #subscribe: () => void;

	constructor(readonly awareness: AwarenessLike) {
		this.#subscribe = createSubscriber((update) => {
			awareness.on('change', update);
			return () => awareness.off('change', update);
		});
	}

	/** everyone but this tab */
	get peers(): Peer[] {
		this.#subscribe();
		const peers: Peer[] = [];
		for (const [clientId, state] of this.awareness.getStates()) {
			if (clientId === this.awareness.clientID) continue;
			const user = state.user as { name?: string; color?: string } | undefined;
			if (!user?.name) continue;
			peers.push({
				clientId,
				name: user.name,
				color: user.color ?? '#555',
				editing: typeof state.editing === 'string' ? state.editing : null
			});
		}
		return peers.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
	}
}
