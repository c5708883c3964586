/**
 * A board document in the browser: kept in IndexedDB (so it opens and accepts edits without
 * network), synced through the hub with a stock y-websocket client, with presence and an undo
 * manager that only undoes this tab's own changes.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import { localCopyName, markSynced, markUnsynced } from './local-copies';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** Origin of every change made through this tab's UI: the undo manager tracks only these. */
export const LOCAL_ORIGIN = { source: 'local-ui' };

export type SyncStatus = 'offline' | 'syncing' | 'online' | 'refused';

const PALETTE = [
	'#1d4f91',
	'#a4161a',
	'#136c3a',
	'#8a5300',
	'#6a1b9a',
	'#00695c',
	'#ad1457',
	'#37474f'
];

/** A stable colour per person, from their user id. */
export function colourFor(userId: number): string {
	return PALETTE[userId % PALETTE.length];
}

export interface BoardUser {
	id: number;
	name: string;
}

export class BoardConnection {
	readonly doc = new Y.Doc();
	readonly provider: WebsocketProvider;
	readonly local: IndexeddbPersistence;
	readonly undo: Y.UndoManager;
	status = $state<SyncStatus>('syncing');
	/** the board was found in this device's cache (it can be used offline) */
	cached = $state(false);
	canUndo = $state(false);
	canRedo = $state(false);
	/** set when the hub closed the connection for good (4401/4403/4404) */
	refusal = $state<string | null>(null);
	#connected = false;
	#synced = false;
	readonly #cleanup: (() => void)[] = [];

	constructor(
		readonly docName: string,
		readonly user: BoardUser,
		readonly color = colourFor(user.id)
	) {
		const copy = localCopyName(docName, user.id);
		this.local = new IndexeddbPersistence(copy, this.doc);
		this.local.once('synced', () => (this.cached = this.doc.share.size > 0));
		const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync/yjs`;
		this.provider = new WebsocketProvider(url, docName, this.doc, {
			connect: navigator.onLine
		});
		this.provider.awareness.setLocalStateField('user', { name: user.name, color: this.color });
		this.provider.on('status', ({ status }) => {
			this.#connected = status === 'connected';
			if (!this.#connected) this.#synced = false;
			this.#update();
		});
		this.provider.on('sync', (synced: boolean) => {
			this.#synced = synced;
			// this device's step 2, with whatever it wrote offline, went out before this answer
			if (synced) markSynced(copy);
			this.#update();
		});
		// an edit made here while the hub cannot hear it lives only on this device for now
		const noteLocal = (_update: Uint8Array, origin: unknown) => {
			if (origin !== this.provider && origin !== this.local && !(this.#connected && this.#synced))
				markUnsynced(copy);
		};
		this.doc.on('update', noteLocal);
		this.#cleanup.push(() => this.doc.off('update', noteLocal));
		this.provider.on('connection-close', (event) => {
			const code = event?.code ?? 0;
			if (code >= 4400 && code < 4500) {
				this.refusal =
					code === 4401
						? 'Votre session a expiré : reconnectez-vous pour continuer.'
						: code === 4404
							? 'Ce tableau n’existe plus.'
							: 'Vous n’avez plus accès à ce tableau.';
				this.status = 'refused';
			}
		});
		// the browser knows before the socket does: stop and resume at once
		const offline = () => {
			this.provider.disconnect();
			this.#update();
		};
		const online = () => {
			if (!this.refusal) this.provider.connect();
			this.#update();
		};
		addEventListener('offline', offline);
		addEventListener('online', online);
		this.#cleanup.push(() => removeEventListener('offline', offline));
		this.#cleanup.push(() => removeEventListener('online', online));

		this.undo = new Y.UndoManager([this.doc.getArray('columns'), this.doc.getMap('cards')], {
			// a plain Set on purpose: Yjs reads it, nothing renders it
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			trackedOrigins: new Set([LOCAL_ORIGIN]),
			captureTimeout: 600
		});
		const stacks = () => {
			this.canUndo = this.undo.canUndo();
			this.canRedo = this.undo.canRedo();
		};
		this.undo.on('stack-item-added', stacks);
		this.undo.on('stack-item-popped', stacks);
		this.undo.on('stack-cleared', stacks);
		this.#update();
	}

	#update() {
		if (this.refusal) return;
		if (!navigator.onLine || (!this.#connected && !this.provider.shouldConnect))
			this.status = 'offline';
		else if (this.#connected && this.#synced) this.status = 'online';
		else if (this.#connected) this.status = 'syncing';
		else this.status = 'offline';
	}

	/** Runs a change as this tab's own (undoable) change. */
	edit(change: () => void) {
		this.doc.transact(change, LOCAL_ORIGIN);
	}

	/** Which card this person is editing, for the others' presence list. */
	setEditing(cardId: string | null) {
		this.provider.awareness.setLocalStateField('editing', cardId);
	}

	destroy() {
		for (const fn of this.#cleanup) fn();
		this.undo.destroy();
		this.provider.destroy();
		void this.local.destroy();
		this.doc.destroy();
	}
}
