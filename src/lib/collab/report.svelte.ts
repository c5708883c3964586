/**
 * An experience report's Automerge document in the browser: a stock automerge-repo `Repo` that
 * keeps the document in IndexedDB (a draft written offline survives closing the tab) and syncs it
 * with the hub at `/sync/automerge` on the page's own origin (the session cookie goes with it).
 *
 * Text is edited by `updateText`, which turns the textarea's new value into the smallest splice:
 * two people typing in different places of a field, even offline, both keep their words.
 *
 * « Synchronisé » is only claimed once the hub's own heads, read from its sync messages, are this
 * tab's heads: the hub sends them after it has written the change to its store.
 */
import * as A from '@automerge/automerge';
import {
	Repo,
	updateText,
	type DocHandle,
	type DocumentId,
	type PeerId
} from '@automerge/automerge-repo';
import { IndexedDBStorageAdapter } from '@automerge/automerge-repo-storage-indexeddb';
import { createSubscriber } from 'svelte/reactivity';
import { RATING_KEYS, isValidRating, type RatingKey } from '../domain/reports/ratings';
import {
	readReport,
	TEXT_FIELDS,
	type ReportContent,
	type TextField
} from '../domain/reports/shape';
import { localCopyName, markSynced, markUnsynced } from './local-copies';
import { ReportSocket, type Refusal } from './report-socket';
import type { TextPatch } from './text-patches';

/**
 * `waiting`: the document is not on this device and the hub cannot be reached, so it cannot open
 * yet (it does as soon as the connection is back).
 */
export type ReportStatus = 'opening' | 'waiting' | 'offline' | 'online' | 'synced' | 'refused';

type RawReport = Record<string, unknown> & { ratings?: Record<string, unknown> };

export interface ReportAuthor {
	id: number;
	name: string;
}

/** Someone else with the report open, from the presence messages of their tab. */
export interface Coauthor {
	peerId: string;
	name: string;
	editing: TextField | null;
}

const PRESENCE_EVERY_MS = 10_000;
/** a tab not heard from for this long has closed or lost the network */
const PRESENCE_GONE_MS = 25_000;

/** how long « Ouverture… » may last without a connection before the page says why */
const OPENING_PATIENCE_MS = 3_000;

/** What the page says when the hub stops this tab; what was typed stays in IndexedDB. */
const REFUSALS: Record<Refusal, string> = {
	session:
		'Votre session a pris fin : reconnectez-vous ; vos modifications restent sur cet appareil.',
	// the hub answers `doc-unavailable` to a person it no longer lets write a draft: for anyone
	// who reached the editor, that is a co-author the commune removed
	forbidden: 'Vous n’écrivez plus ce retour : la commune vous a retiré des co-auteurs.',
	missing: 'Ce retour n’existe plus.'
};

export class ReportConnection {
	readonly repo: Repo;
	readonly socket: ReportSocket;
	handle = $state<DocHandle<RawReport> | null>(null);
	status = $state<ReportStatus>('opening');
	refusal = $state<string | null>(null);
	coauthors = $state<Coauthor[]>([]);
	#connected = false;
	/** the hub's heads, from its last sync message for this document */
	#hubHeads: string[] = [];
	#editing: TextField | null = null;
	#destroyed = false;
	/** the first moments of opening are over: a document still not here is said to be waiting */
	#patienceOver = false;
	// a plain Map on purpose: `coauthors` is what renders, rebuilt from it
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#seen = new Map<string, Coauthor & { at: number }>();
	readonly #copy: string;
	readonly #cleanup: (() => void)[] = [];
	/** set with the handle: components re-read `content` on each of its changes */
	#subscribe: (() => void) | null = null;

	constructor(
		readonly automergeId: string,
		readonly docName: string,
		readonly author: ReportAuthor
	) {
		this.#copy = localCopyName(docName, author.id);
		const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync/automerge`;
		this.socket = new ReportSocket(url);
		this.socket.onRefused = (why) => {
			this.refusal = REFUSALS[why];
			// whatever was typed just before is written to this device now, not in a moment
			void this.repo.flush();
			this.#update();
		};
		this.repo = new Repo({
			storage: new IndexedDBStorageAdapter(this.#copy),
			network: [this.socket]
		});
		this.#listen();
		void this.#open();
	}

	#listen() {
		const on = <T>(target: EventTarget, type: string, fn: (e: T) => void) => {
			target.addEventListener(type, fn as EventListener);
			this.#cleanup.push(() => target.removeEventListener(type, fn as EventListener));
		};
		on(window, 'offline', () => {
			this.socket.goOffline();
			this.#update();
		});
		on(window, 'online', () => {
			this.socket.goOnline();
			this.#update();
		});
		// the repo writes to IndexedDB a moment after each change: closing the tab writes now
		on(window, 'pagehide', () => void this.repo.flush());
		this.socket.on('peer-candidate', () => {
			this.#connected = true;
			this.#update();
			this.#announce();
		});
		this.socket.on('peer-disconnected', () => {
			this.#connected = false;
			this.#hubHeads = [];
			this.#update();
		});
		this.socket.on('message', (message) => {
			if (!('documentId' in message) || message.documentId !== this.automergeId) return;
			// the hub no longer lets this person have the document (or it is gone)
			if (message.type === 'doc-unavailable') return this.socket.refuse('forbidden');
			if (message.type !== 'sync' || !message.data) return;
			try {
				this.#hubHeads = A.decodeSyncMessage(message.data).heads;
			} catch {
				return; // the repo itself refuses it; the status waits for the next message
			}
			this.#update();
		});
		const heartbeat = setInterval(() => {
			this.#announce();
			this.#prune();
		}, PRESENCE_EVERY_MS);
		this.#cleanup.push(() => clearInterval(heartbeat));
		const patience = setTimeout(() => {
			this.#patienceOver = true;
			this.#update();
		}, OPENING_PATIENCE_MS);
		this.#cleanup.push(() => clearTimeout(patience));
	}

	async #open() {
		// a document not yet on this device needs the hub: wait for it rather than give up
		let handle: DocHandle<RawReport>;
		for (;;) {
			try {
				handle = await this.repo.find<RawReport>(this.automergeId as DocumentId);
				break;
			} catch {
				if (this.refusal || this.#destroyed) return;
				await new Promise((resolve) => setTimeout(resolve, 2000));
				if (this.#destroyed) return;
			}
		}
		this.#subscribe = createSubscriber((update) => {
			handle.on('change', update);
			return () => handle.off('change', update);
		});
		handle.on('change', ({ patchInfo }) => {
			// an edit made here lives only on this device until the hub's heads include it
			if (patchInfo.source === 'change') markUnsynced(this.#copy);
			this.#update();
		});
		this.handle = handle;
		handle.on('ephemeral-message', ({ senderId, message }) => this.#heard(senderId, message));
		this.#update();
		this.#announce();
	}

	#update() {
		let status: ReportStatus;
		if (this.refusal) status = 'refused';
		else if (!navigator.onLine || !this.#connected)
			status = this.handle ? 'offline' : this.#patienceOver ? 'waiting' : 'opening';
		else if (this.handle && sameHeads(A.getHeads(this.handle.doc()), this.#hubHeads))
			status = 'synced';
		else status = this.handle ? 'online' : 'opening';
		if (status === 'synced') markSynced(this.#copy);
		this.status = status;
	}

	/** The report as the page shows it, re-read after every change, local or remote. */
	get content(): ReportContent | null {
		const handle = this.handle;
		this.#subscribe?.();
		const doc = handle?.doc();
		return doc ? readReport(doc) : null;
	}

	/** The report now, without subscribing to its changes. */
	snapshot(): ReportContent | null {
		const doc = this.handle?.doc();
		return doc ? readReport(doc) : null;
	}

	/** Subscribes to the patches of every change (for keeping a textarea's caret in place). */
	onPatches(fn: (patches: TextPatch[], content: ReportContent) => void): () => void {
		const handle = this.handle;
		if (!handle) return () => {};
		const listener = ({ doc, patches }: { doc: RawReport; patches: A.Patch[] }) =>
			fn(patches as TextPatch[], readReport(doc));
		handle.on('change', listener);
		return () => handle.off('change', listener);
	}

	/** Edits are over once the hub refused: the fields are read-only, and changes are ignored. */
	get readOnly(): boolean {
		return this.refusal !== null;
	}

	/** The field now reads `value`: stored as the smallest splice from what it held. */
	editText(field: TextField, value: string) {
		if (this.readOnly) return;
		this.handle?.change((d) => {
			if (typeof d[field] !== 'string') d[field] = '';
			updateText(d, [field], value);
		});
	}

	setRating(key: RatingKey, value: number | null) {
		if (this.readOnly || !RATING_KEYS.includes(key) || (value !== null && !isValidRating(value)))
			return;
		this.handle?.change((d) => {
			if (typeof d.ratings !== 'object' || d.ratings === null) d.ratings = {};
			if (d.ratings[key] !== value) d.ratings[key] = value;
		});
	}

	setWouldRecommend(value: boolean | null) {
		if (this.readOnly) return;
		this.handle?.change((d) => {
			if (d.wouldRecommend !== value) d.wouldRecommend = value;
		});
	}

	/** Which field this person is in, for the others' « en train d'écrire ». */
	setEditing(field: TextField | null) {
		this.#editing = field;
		this.#announce();
	}

	#announce() {
		if (!this.handle || !this.#connected) return;
		this.handle.broadcast({ name: this.author.name, editing: this.#editing });
	}

	#heard(peerId: PeerId, message: unknown) {
		if (typeof message !== 'object' || message === null) return;
		const { name, editing } = message as Record<string, unknown>;
		if (typeof name !== 'string' || !name.trim()) return;
		const field = TEXT_FIELDS.find((f) => f === editing) ?? null;
		const known = this.#seen.get(peerId);
		this.#seen.set(peerId, { peerId, name: name.slice(0, 120), editing: field, at: Date.now() });
		if (!known) this.#announce(); // a newcomer learns about us without waiting for the heartbeat
		this.#prune();
	}

	#prune() {
		const now = Date.now();
		for (const [id, c] of this.#seen) if (now - c.at > PRESENCE_GONE_MS) this.#seen.delete(id);
		this.coauthors = [...this.#seen.values()]
			.map(({ peerId, name, editing }) => ({ peerId, name, editing }))
			.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
	}

	destroy() {
		this.#destroyed = true;
		for (const fn of this.#cleanup) fn();
		this.socket.goOffline();
		void this.repo.shutdown();
	}
}

function sameHeads(a: string[], b: string[]) {
	return a.length === b.length && a.every((h) => b.includes(h));
}
