CREATE TABLE `peer_abuse_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`message_id` integer NOT NULL,
	`reporter_id` integer NOT NULL,
	`reason` text NOT NULL,
	`resolved_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`message_id`) REFERENCES `peer_messages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reporter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `peer_abuse_reports_message_reporter_idx` ON `peer_abuse_reports` (`message_id`,`reporter_id`);--> statement-breakpoint
CREATE TABLE `peer_conversations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`usage_id` integer,
	`subject` text NOT NULL,
	`starter_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`usage_id`) REFERENCES `solution_usages`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`starter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `peer_conversations_starter_idx` ON `peer_conversations` (`starter_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `peer_event_contracts` (
	`event_id` integer NOT NULL,
	`contract_id` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `peer_events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `peer_event_contracts_idx` ON `peer_event_contracts` (`event_id`,`contract_id`);--> statement-breakpoint
CREATE INDEX `peer_event_contracts_contract_idx` ON `peer_event_contracts` (`contract_id`);--> statement-breakpoint
CREATE TABLE `peer_event_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`title` text NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`mime` text NOT NULL,
	`original_filename` text NOT NULL,
	`uploaded_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `peer_events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `peer_event_documents_event_idx` ON `peer_event_documents` (`event_id`);--> statement-breakpoint
CREATE TABLE `peer_event_registrations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`participants` integer NOT NULL,
	`registered_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `peer_events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`registered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `peer_event_registrations_idx` ON `peer_event_registrations` (`event_id`,`organisation_id`);--> statement-breakpoint
CREATE TABLE `peer_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`topic` text DEFAULT '' NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`video_url` text DEFAULT '' NOT NULL,
	`capacity` integer NOT NULL,
	`solutions` text DEFAULT '[]' NOT NULL,
	`organiser_id` integer,
	`organiser_organisation_id` integer NOT NULL,
	`cancelled_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organiser_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`organiser_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `peer_events_starts_idx` ON `peer_events` (`starts_at`);--> statement-breakpoint
CREATE TABLE `peer_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`conversation_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`conversation_id`) REFERENCES `peer_conversations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `peer_messages_conversation_idx` ON `peer_messages` (`conversation_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `peer_messages_author_idx` ON `peer_messages` (`author_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `peer_participants` (
	`conversation_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	FOREIGN KEY (`conversation_id`) REFERENCES `peer_conversations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `peer_participants_idx` ON `peer_participants` (`conversation_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `peer_participants_user_idx` ON `peer_participants` (`user_id`);--> statement-breakpoint
CREATE TABLE `solution_usages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`contract_id` integer,
	`lot_id` integer,
	`modules` text DEFAULT '[]' NOT NULL,
	`solution_name` text DEFAULT '' NOT NULL,
	`supplier_name` text DEFAULT '' NOT NULL,
	`solution_key` text NOT NULL,
	`version` text DEFAULT '' NOT NULL,
	`since` text,
	`contact_agents` integer DEFAULT false NOT NULL,
	`contact_referents` integer DEFAULT false NOT NULL,
	`search` text DEFAULT '' NOT NULL,
	`declared_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`declared_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `solution_usages_organisation_key_idx` ON `solution_usages` (`organisation_id`,`solution_key`);--> statement-breakpoint
CREATE INDEX `solution_usages_contract_idx` ON `solution_usages` (`contract_id`);--> statement-breakpoint
CREATE INDEX `solution_usages_key_idx` ON `solution_usages` (`solution_key`);