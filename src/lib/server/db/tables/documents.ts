/**
 * CRDT documents (Yjs boards, later Automerge reports), stored as a compacted snapshot plus an
 * append-only log of the updates accepted since. Rights never live here: they come from the SQL
 * row a document belongs to (its name is `<kind>:<id>`, e.g. `board:12`).
 */
import { blob, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { updatedAt } from './columns';

export const documents = sqliteTable('documents', {
	name: text('name').primaryKey(),
	kind: text('kind').notNull(),
	/** every update up to and including `snapshot_seq`, merged; null before the first compaction */
	snapshot: blob('snapshot', { mode: 'buffer' }),
	snapshotSeq: integer('snapshot_seq').notNull().default(0),
	updatedAt: updatedAt()
});

/**
 * One row per accepted update, clustered by document: the migration creates it WITHOUT ROWID
 * (drizzle cannot say so), so appending an update writes one b-tree page, not three (rowid
 * table, index, AUTOINCREMENT counter) — the sync hub appends before every relay. `seq` counts
 * per document, after the snapshot's (see collab/store.ts `appendUpdate`).
 */
export const documentUpdates = sqliteTable(
	'document_updates',
	{
		docName: text('doc_name')
			.notNull()
			.references(() => documents.name, { onDelete: 'cascade' }),
		seq: integer('seq').notNull(),
		update: blob('update', { mode: 'buffer' }).notNull(),
		/** who sent it (null for server-made changes such as seeding) */
		userId: integer('user_id'),
		at: integer('at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.docName, t.seq] })]
);
