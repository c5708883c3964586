CREATE TABLE `report_actors` (
	`report_id` integer NOT NULL,
	`actor` text NOT NULL,
	`user_id` integer,
	PRIMARY KEY(`report_id`, `actor`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `report_authors` (
	`report_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`report_id`, `user_id`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `report_publications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`heads` text NOT NULL,
	`content` text NOT NULL,
	`published_by` integer,
	`published_at` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `report_publications_report_idx` ON `report_publications` (`report_id`,`published_at`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`contract_id` integer,
	`lot_id` integer,
	`modules` text DEFAULT '[]' NOT NULL,
	`solution_name` text,
	`supplier_name` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`automerge_id` text NOT NULL,
	`is_public` integer DEFAULT false NOT NULL,
	`public_named` integer DEFAULT false NOT NULL,
	`first_published_at` integer,
	`published_at` integer,
	`title` text NOT NULL,
	`ratings` text,
	`overall_rating` real,
	`would_recommend` integer,
	`excerpt` text DEFAULT '' NOT NULL,
	`document_bytes` integer DEFAULT 0 NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_automerge_id_idx` ON `reports` (`automerge_id`);--> statement-breakpoint
CREATE INDEX `reports_contract_idx` ON `reports` (`contract_id`,`status`);--> statement-breakpoint
CREATE INDEX `reports_organisation_idx` ON `reports` (`organisation_id`);