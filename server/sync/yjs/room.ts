/**
 * One live document: its Y.Doc and awareness, the connections on it, write-before-relay
 * persistence, background compaction, debounced projection notices and unloading when idle.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { notifyDocumentChanged } from '../../../src/lib/server/collab/changes';
import { countUpdates } from '../../../src/lib/server/collab/store';
import {
	compactFromStore,
	compactYDoc,
	loadYDoc
} from '../../../src/lib/server/collab/yjs-documents';
import { log } from '../../../src/lib/server/log';
import { binaryFrame } from '../frame';
import { CHANGE_DEBOUNCE_MS, CHANGE_MAX_WAIT_MS, CLOSE, COMPACT_AFTER_UPDATES } from '../limits';
import { QUIET_WAIT_MAX_MS, quietWaitMs, whenQuiet } from '../../../src/lib/server/collab/quiet';
import { flushWrites, queueWrite } from '../write-batch';
import { awarenessMessage, syncStep1Message, updateFrame } from './protocol';

/** What a room needs from a connection. */
export interface Peer {
	readonly userId: number;
	readonly awarenessClientId: number | null;
	send(message: Uint8Array): void;
	/** a message framed once for all the peers it goes to (frame.ts) */
	sendFrame(frame: Buffer): void;
	close(code: number, reason: string): void;
}

type Change = { added: number[]; updated: number[]; removed: number[] };
type Incoming = { from: Peer; changes: Y.Transaction | null };

/** Whether a transaction changed the document: what Yjs asks before emitting 'update'. */
function changedBy(transaction: Y.Transaction): boolean {
	if (transaction.deleteSet.clients.size > 0) return true;
	for (const [client, clock] of transaction.afterState)
		if (transaction.beforeState.get(client) !== clock) return true;
	return false;
}

/**
 * What a transaction changed, encoded from the document: every struct it added, and the
 * document's deletions (the whole delete set, a superset of the transaction's: applying it again
 * changes nothing). Used for the rarer updates: sync step 2, compaction, a writer's update that
 * waits on another or broke halfway.
 */
function changesOf(doc: Y.Doc, transaction: Y.Transaction): Uint8Array {
	return Y.encodeStateAsUpdate(doc, Y.encodeStateVector(transaction.beforeState));
}

/**
 * Rooms due for compaction, compacted one per turn of the event loop, each in a pause between
 * updates (quiet.ts). A fold stores a second of every board's updates at once, so boards cross
 * COMPACT_AFTER_UPDATES together; their compactions (each encodes a whole document and rewrites
 * its snapshot), run back to back, held every update that arrived meanwhile. Now the updates that
 * arrived are handled between two compactions.
 */
const waitingCompaction = new Set<Room>();
let compactionsRunning = false;

function compactNext() {
	const next = waitingCompaction.values().next();
	if (next.done) {
		compactionsRunning = false;
		return;
	}
	waitingCompaction.delete(next.value);
	try {
		next.value.compact();
	} finally {
		whenQuiet(compactNext, QUIET_WAIT_MAX_MS); // the next one, whatever became of this one
	}
}

export class Room {
	readonly doc: Y.Doc;
	readonly awareness: awarenessProtocol.Awareness;
	readonly peers = new Set<Peer>();
	private lastSeq: number;
	private pendingUpdates: number;
	private snapshotSeq: number;
	private changedFirstAt = 0;
	private changedLastAt = 0;
	private changeTimer: NodeJS.Timeout | null = null;
	private broken = false;
	private unloaded = false;
	/** the writer's update being applied, and the transaction in which it changed the document */
	private incoming: Incoming | null = null;

	constructor(
		readonly name: string,
		readonly kind: string,
		private readonly whenIdle: (room: Room) => void
	) {
		const loaded = loadYDoc(name);
		this.doc = loaded.doc;
		this.lastSeq = loaded.lastSeq;
		this.pendingUpdates = loaded.pendingUpdates;
		this.snapshotSeq = loaded.snapshotSeq;
		this.awareness = new awarenessProtocol.Awareness(this.doc);
		this.awareness.setLocalState(null); // the hub itself is not a participant
		this.doc.on('afterTransactionCleanup', this.onTransaction);
		this.awareness.on('update', this.onAwareness);
	}

	join(peer: Peer) {
		this.peers.add(peer);
		peer.send(syncStep1Message(this.doc));
		const present = [...this.awareness.getStates().keys()];
		if (present.length) peer.send(awarenessMessage(this.awareness, present));
	}

	leave(peer: Peer) {
		if (!this.peers.delete(peer)) return;
		const id = peer.awarenessClientId;
		if (id !== null) awarenessProtocol.removeAwarenessStates(this.awareness, [id], null);
		if (this.peers.size === 0) this.whenIdle(this);
	}

	/**
	 * Applies a writer's update, then journals and relays what it changed; throws on a malformed
	 * one (the caller closes that connection), after keeping what it changed before it broke.
	 *
	 * An update message (`asSent`) that applied whole, with nothing left waiting for what it builds
	 * on, is journalled and relayed as the writer sent it: the same changes in the writer's own
	 * encoding, which Yjs then need not write again (BENCH_MODE=profile: Yjs's share of applying
	 * an update fell by about a third). Anything else is encoded from the document (see
	 * onTransaction).
	 */
	applyUpdate(update: Uint8Array, from: Peer, asSent: boolean) {
		if (this.broken) return;
		const store = this.doc.store;
		if (!asSent || store.pendingStructs || store.pendingDs) {
			Y.applyUpdate(this.doc, update, from);
			return;
		}
		const incoming: Incoming = { from, changes: null };
		this.incoming = incoming;
		let whole = false;
		try {
			Y.applyUpdate(this.doc, update, from);
			whole = !store.pendingStructs && !store.pendingDs;
		} finally {
			this.incoming = null;
			if (incoming.changes) {
				this.persist(whole ? update : changesOf(this.doc, incoming.changes), from);
			}
		}
	}

	/** true when a peer other than `except` already speaks for this awareness client id */
	claimed(clientId: number, except: Peer): boolean {
		if (clientId === this.doc.clientID) return true;
		for (const peer of this.peers)
			if (peer !== except && peer.awarenessClientId === clientId) return true;
		return false;
	}

	/**
	 * Every transaction that changed the document is journalled, then relayed (write-before-relay).
	 * Listening here rather than to 'update' spares Yjs encoding the updates a writer sent whole:
	 * applyUpdate persists those itself once Yjs returns.
	 */
	private onTransaction = (transaction: Y.Transaction) => {
		if (this.broken || !changedBy(transaction)) return;
		const incoming = this.incoming;
		if (incoming && !incoming.changes && transaction.origin === incoming.from) {
			incoming.changes = transaction;
			return;
		}
		this.persist(changesOf(this.doc, transaction), transaction.origin);
	};

	/**
	 * Journals the update, then relays it. The relayed frame is built first, and what waits for the
	 * fold is the update inside it: the bytes given may be a view of a larger socket read.
	 */
	private persist(given: Uint8Array, origin: unknown) {
		const userId = (origin as Peer | null)?.userId ?? null;
		const { frame, update } = updateFrame(given);
		queueWrite({
			docName: this.name,
			update,
			userId,
			durable: () => this.relay(frame, origin),
			stored: (seq) => this.stored(seq),
			failed: (err) => this.fail(err)
		});
	}

	/** The update is durable: only now may anyone else see it. */
	private relay(frame: Buffer, origin: unknown) {
		if (this.broken) return;
		for (const peer of this.peers) if (peer !== origin) peer.sendFrame(frame);
		this.noteChanged();
	}

	/** The update is in the SQLite log under `seq`. */
	private stored(seq: number) {
		this.lastSeq = seq;
		if (this.broken) return;
		this.pendingUpdates++;
		if (this.pendingUpdates >= COMPACT_AFTER_UPDATES) this.queueCompaction();
	}

	/**
	 * The document as others may see it: every update it holds is durable the moment it is applied
	 * (journalled in onUpdate); folding them into SQLite first keeps the store and what is shown
	 * alike for whatever reads both.
	 */
	get persistedDoc(): Y.Doc {
		flushWrites();
		return this.doc;
	}

	private onAwareness = ({ added, updated, removed }: Change) => {
		// sent to everyone, the sender included: its own echo keeps y-websocket's idle watchdog quiet
		const frame = binaryFrame(awarenessMessage(this.awareness, [...added, ...updated, ...removed]));
		for (const peer of this.peers) peer.sendFrame(frame);
	};

	/** The log could not be written: what memory holds is no longer on disk, so drop it all. */
	private fail(err: unknown) {
		if (this.broken) return;
		log().error({ err, doc: this.name }, 'sync: could not persist an update; closing the document');
		this.broken = true;
		for (const peer of [...this.peers]) peer.close(CLOSE.internal, 'storage failure');
	}

	get isBroken() {
		return this.broken;
	}

	private queueCompaction() {
		waitingCompaction.add(this);
		if (!compactionsRunning) {
			compactionsRunning = true;
			whenQuiet(compactNext, QUIET_WAIT_MAX_MS);
		}
	}

	/**
	 * Folds the log into a snapshot of the live doc, which holds every update up to lastSeq: the
	 * hub appends each one before anything else happens. If something else appended to the log
	 * meanwhile (the count says so), the snapshot is rebuilt from the store instead, and what the
	 * live doc lacked is applied to it (and so logged again and relayed) while people are on it.
	 */
	compact(live = true) {
		flushWrites();
		if (this.broken || this.pendingUpdates === 0) return;
		try {
			if (countUpdates(this.name, this.snapshotSeq, this.lastSeq) === this.pendingUpdates) {
				compactYDoc(this.name, this.doc, this.lastSeq);
				this.snapshotSeq = this.lastSeq;
				this.pendingUpdates = 0;
				return;
			}
			const folded = compactFromStore(this.name);
			if (!folded) return;
			this.snapshotSeq = folded.seq;
			this.pendingUpdates = 0;
			if (live) Y.applyUpdate(this.doc, folded.snapshot, null);
		} catch (err) {
			log().error({ err, doc: this.name }, 'sync: compaction failed (the log is intact)');
		}
	}

	private noteChanged() {
		const now = Date.now();
		this.changedLastAt = now;
		if (this.changeTimer) return;
		this.changedFirstAt = now;
		this.changeTimer = setTimeout(this.onChangeTimer, CHANGE_DEBOUNCE_MS);
	}

	private onChangeTimer = () => {
		const now = Date.now();
		const quietFor = now - this.changedLastAt;
		const waited = now - this.changedFirstAt;
		if (quietFor < CHANGE_DEBOUNCE_MS && waited < CHANGE_MAX_WAIT_MS) {
			const wait = Math.min(CHANGE_DEBOUNCE_MS - quietFor, CHANGE_MAX_WAIT_MS - waited);
			this.changeTimer = setTimeout(this.onChangeTimer, wait);
			return;
		}
		// due: in a pause between the hub's updates (any document's), not in the middle of a burst,
		// and never past CHANGE_MAX_WAIT_MS + QUIET_WAIT_MAX_MS after the first change
		const hubBusy = quietWaitMs(
			performance.now() + CHANGE_MAX_WAIT_MS + QUIET_WAIT_MAX_MS - waited
		);
		if (hubBusy > 0) {
			this.changeTimer = setTimeout(this.onChangeTimer, hubBusy);
			return;
		}
		this.changeTimer = null;
		// the live doc, without folding first: projections read the document, not the SQLite log,
		// and what they see is durable already (journalled); folding here would fold every board's
		// pending updates at each board's projection, not once a second
		notifyDocumentChanged(this.kind, this.name, this.doc);
	};

	/** Runs what is pending (projections, compaction) and frees the document. */
	unload() {
		if (this.unloaded) return;
		this.unloaded = true;
		flushWrites();
		if (this.changeTimer) {
			clearTimeout(this.changeTimer);
			this.changeTimer = null;
			if (!this.broken) notifyDocumentChanged(this.kind, this.name, this.persistedDoc);
		}
		waitingCompaction.delete(this);
		this.compact(false);
		this.doc.off('afterTransactionCleanup', this.onTransaction);
		this.awareness.destroy();
		this.doc.destroy();
	}
}
