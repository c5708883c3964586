-- Hand edit: WITHOUT ROWID (drizzle's schema cannot express it), see tables/documents.ts.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_document_updates` (
	`doc_name` text NOT NULL,
	`seq` integer NOT NULL,
	`update` blob NOT NULL,
	`user_id` integer,
	`at` integer NOT NULL,
	PRIMARY KEY(`doc_name`, `seq`),
	FOREIGN KEY (`doc_name`) REFERENCES `documents`(`name`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_document_updates`("doc_name", "seq", "update", "user_id", "at") SELECT "doc_name", "seq", "update", "user_id", "at" FROM `document_updates`;--> statement-breakpoint
DROP TABLE `document_updates`;--> statement-breakpoint
ALTER TABLE `__new_document_updates` RENAME TO `document_updates`;--> statement-breakpoint
PRAGMA foreign_keys=ON;