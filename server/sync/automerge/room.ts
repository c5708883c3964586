/**
 * One live report document: its Automerge doc, the peers syncing it (each with its sync state),
 * the checks on what a peer sends, write-before-relay persistence, debounced projection and
 * unloading when idle.
 *
 * Guarantee: the changes a message brought are journalled (write-batch.ts) before anything else
 * runs, and the hub generates a sync message for anyone only after `flushWrites()` has folded
 * them into SQLite; so a change another peer received is on disk, even if the process is killed
 * right after.
 */
import * as A from '@automerge/automerge';
import { compactDocument } from '../../../src/lib/server/collab/store';
import {
	compactAutomergeFromStore,
	loadAutomergeDoc
} from '../../../src/lib/server/collab/automerge-documents';
import { log } from '../../../src/lib/server/log';
import { bindActor, reportActorUsers } from '../../../src/lib/server/reports/actors';
import { projectReport } from '../../../src/lib/server/reports/projection';
import { MAX_REPORT_BYTES } from '../../../src/lib/server/reports/limits';
import { CHANGE_DEBOUNCE_MS, CHANGE_MAX_WAIT_MS, CLOSE, COMPACT_AFTER_UPDATES } from '../limits';
import { flushWrites, queueWrite } from '../write-batch';
import { syncMessage } from './protocol';

/** What a room needs from a connection. */
export interface AutomergePeer {
	readonly userId: number;
	readonly peerId: string;
	send(message: Uint8Array): void;
	close(code: number, reason: string): void;
}

export type Verdict = 'accepted' | 'stripped' | 'forged';

export class AutomergeRoom {
	private doc: A.Doc<unknown>;
	readonly peers = new Map<AutomergePeer, A.SyncState>();
	/** actor → user, as bound in SQL (read once, then kept in step) */
	private readonly actors: Map<string, number | null>;
	private bytes: number;
	private pendingUpdates: number;
	private lastSeq: number;
	private changedFirstAt = 0;
	private changeTimer: NodeJS.Timeout | null = null;
	private broken = false;
	private unloaded = false;

	constructor(
		readonly name: string,
		readonly reportId: number,
		readonly documentId: string,
		private readonly whenIdle: (room: AutomergeRoom) => void
	) {
		const loaded = loadAutomergeDoc<unknown>(name);
		if (!loaded) throw new Error(`report document ${name} is not stored`);
		this.doc = loaded.doc;
		this.bytes = loaded.bytes;
		this.pendingUpdates = loaded.pendingUpdates;
		this.lastSeq = loaded.lastSeq;
		this.actors = reportActorUsers(reportId);
	}

	get isBroken() {
		return this.broken;
	}

	join(peer: AutomergePeer) {
		if (!this.peers.has(peer)) this.peers.set(peer, A.initSyncState());
	}

	leave(peer: AutomergePeer) {
		this.peers.delete(peer);
		if (this.peers.size === 0) this.whenIdle(this);
	}

	/**
	 * Applies a peer's sync message. A reader's changes are removed from it (the rest still tells
	 * the hub what the reader has, so it receives what it lacks). A writer's message is applied,
	 * then its new changes are checked: each actor must be bound to this writer (or to nobody
	 * yet), and the document must stay under the size limit. Sync messages may carry changes as
	 * document chunks, which cannot be inspected before they are applied; so a refused message is
	 * undone by reloading the doc from SQLite, which holds everything accepted before it.
	 * Throws on a message that is not an Automerge sync message.
	 */
	receive(peer: AutomergePeer, data: Uint8Array, mode: 'read' | 'write'): Verdict {
		const decoded = A.decodeSyncMessage(data);
		const incoming = decoded.changes.reduce((n, c) => n + c.byteLength, 0);
		// `bytes` counts the snapshot plus the raw changes logged since, several times what they
		// take once saved: folded first, a report written in bursts is judged by its real size
		// (bench:reports: 1,500 changes of a 14 KB story counted 200 KB)
		const over = incoming && mode === 'write' && this.bytes + incoming > MAX_REPORT_BYTES;
		if (over && this.pendingUpdates > 0) this.compact();
		let verdict: Verdict = 'accepted';
		if (incoming && (mode === 'read' || this.bytes + incoming > MAX_REPORT_BYTES)) {
			if (mode === 'write')
				log().warn({ doc: this.name, bytes: this.bytes, incoming }, 'report too large: dropped');
			verdict = 'stripped';
			data = A.encodeSyncMessage({ ...decoded, changes: [] });
		}
		const before = A.getHeads(this.doc);
		const [doc, next] = A.receiveSyncMessage(
			this.doc,
			this.peers.get(peer) ?? A.initSyncState(),
			data
		);
		this.doc = doc;
		this.peers.set(peer, next);
		const fresh = incoming && verdict === 'accepted' ? A.getChangesMetaSince(doc, before) : [];
		if (fresh.length && !this.bindActors(peer, fresh)) {
			this.rollback(peer);
			return 'forged';
		}
		if (fresh.length) this.persist(peer, A.getChangesSince(doc, before));
		else this.sendSync(peer);
		return verdict;
	}

	/** Binds new actors to the writer; false when one is already someone else's. */
	private bindActors(peer: AutomergePeer, changes: { actor: string }[]): boolean {
		const toBind = new Set<string>();
		for (const { actor } of changes) {
			const bound = this.actors.get(actor);
			if (bound === undefined) toBind.add(actor);
			else if (bound !== peer.userId) return false;
		}
		for (const actor of toBind) {
			bindActor(this.reportId, actor, peer.userId);
			this.actors.set(actor, peer.userId);
		}
		return true;
	}

	/** Forgets what the refused message brought: the doc as stored, the sender's sync state reset. */
	private rollback(peer: AutomergePeer) {
		flushWrites();
		const loaded = loadAutomergeDoc<unknown>(this.name);
		if (!loaded) throw new Error(`report document ${this.name} vanished`);
		A.free(this.doc);
		this.doc = loaded.doc;
		this.peers.delete(peer);
	}

	private persist(peer: AutomergePeer, changes: A.Change[]) {
		const update = concat(changes);
		queueWrite({
			docName: this.name,
			update,
			userId: peer.userId,
			durable: () => {
				this.bytes += update.byteLength;
				this.relay();
				this.changed();
			},
			stored: (seq) => {
				this.lastSeq = seq;
				this.pendingUpdates += 1;
			},
			failed: (err) => this.fail(err)
		});
	}

	/** Sends every peer what it lacks (the sender too: its acknowledgement). */
	private relay() {
		for (const peer of this.peers.keys()) this.sendSync(peer);
	}

	sendSync(peer: AutomergePeer) {
		if (this.broken) return;
		flushWrites();
		const state = this.peers.get(peer);
		if (!state) return;
		const [next, message] = A.generateSyncMessage(this.doc, state);
		this.peers.set(peer, next);
		if (message) peer.send(syncMessage(peer.peerId, this.documentId, message));
	}

	/** Presence goes to the other peers of the document as it came, never stored. */
	relayEphemeral(from: AutomergePeer, message: (targetId: string) => Uint8Array) {
		for (const peer of this.peers.keys()) if (peer !== from) peer.send(message(peer.peerId));
	}

	/** A failed write: what the doc holds is not all on disk, so nobody may sync from it. */
	private fail(err: unknown) {
		log().error({ err, doc: this.name }, 'automerge hub: could not store a change');
		this.broken = true;
		for (const peer of [...this.peers.keys()]) peer.close(CLOSE.internal, 'storage failed');
		this.whenIdle(this);
	}

	private changed() {
		const now = Date.now();
		if (!this.changedFirstAt) this.changedFirstAt = now;
		if (this.changeTimer) clearTimeout(this.changeTimer);
		const wait = Math.min(CHANGE_DEBOUNCE_MS, this.changedFirstAt + CHANGE_MAX_WAIT_MS - now);
		this.changeTimer = setTimeout(() => this.project(), Math.max(0, wait));
		this.changeTimer.unref();
		if (this.pendingUpdates >= COMPACT_AFTER_UPDATES) this.compact();
	}

	private project() {
		if (this.changeTimer) clearTimeout(this.changeTimer);
		this.changeTimer = null;
		if (!this.changedFirstAt || this.broken) return;
		this.changedFirstAt = 0;
		try {
			projectReport(this.reportId, A.toJS(this.doc), this.bytes);
		} catch (err) {
			log().error({ err, doc: this.name }, 'report projection failed');
		}
	}

	private compact() {
		flushWrites();
		const snapshot = A.save(this.doc);
		compactDocument(this.name, snapshot, this.lastSeq);
		this.pendingUpdates = 0;
		this.bytes = snapshot.byteLength;
	}

	/** Projects what is pending, folds the log and frees the doc. */
	unload() {
		if (this.unloaded) return;
		this.unloaded = true;
		flushWrites();
		this.project();
		try {
			if (!this.broken) compactAutomergeFromStore(this.name);
		} catch (err) {
			log().error({ err, doc: this.name }, 'automerge hub: compaction on unload failed');
		}
		for (const peer of [...this.peers.keys()]) peer.close(CLOSE.goingAway, 'document unloaded');
		this.peers.clear();
		A.free(this.doc);
	}
}

function concat(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
	let offset = 0;
	for (const part of parts) {
		out.set(part, offset);
		offset += part.byteLength;
	}
	return out;
}
