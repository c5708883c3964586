CREATE TABLE `board_votes` (
	`board_id` integer NOT NULL,
	`card_id` text NOT NULL,
	`organisation_id` integer NOT NULL,
	`points` integer NOT NULL,
	`voted_by` integer,
	`at` integer NOT NULL,
	PRIMARY KEY(`board_id`, `organisation_id`, `card_id`),
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`voted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `board_votes_card_idx` ON `board_votes` (`board_id`,`card_id`);--> statement-breakpoint
CREATE TABLE `contract_requirements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contract_id` integer NOT NULL,
	`card_id` text NOT NULL,
	`source_requirement_id` text NOT NULL,
	`text` text NOT NULL,
	`moscow` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contract_requirements_contract_idx` ON `contract_requirements` (`contract_id`,`position`);--> statement-breakpoint
CREATE TABLE `group_feed_tokens` (
	`group_id` integer PRIMARY KEY NOT NULL,
	`token` text NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `working_groups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `group_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`title` text NOT NULL,
	`starts_at` integer NOT NULL,
	`duration_minutes` integer DEFAULT 120 NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`video_link` text DEFAULT '' NOT NULL,
	`agenda` text DEFAULT '' NOT NULL,
	`minutes` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `working_groups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `group_sessions_group_idx` ON `group_sessions` (`group_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `need_contract_links` (
	`card_id` text NOT NULL,
	`board_id` integer NOT NULL,
	`contract_id` integer NOT NULL,
	`title` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`card_id`, `contract_id`),
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `need_contract_links_contract_idx` ON `need_contract_links` (`contract_id`);--> statement-breakpoint
CREATE TABLE `need_interests` (
	`board_id` integer NOT NULL,
	`card_id` text NOT NULL,
	`organisation_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`declared_by` integer,
	`at` integer NOT NULL,
	PRIMARY KEY(`board_id`, `organisation_id`, `card_id`),
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`declared_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `need_interests_card_idx` ON `need_interests` (`board_id`,`card_id`);--> statement-breakpoint
CREATE TABLE `needs` (
	`card_id` text PRIMARY KEY NOT NULL,
	`board_id` integer NOT NULL,
	`title` text NOT NULL,
	`search_title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`module` text,
	`target_year` integer,
	`estimated_budget_cents` integer,
	`communes` text DEFAULT '[]' NOT NULL,
	`must_count` integer DEFAULT 0 NOT NULL,
	`should_count` integer DEFAULT 0 NOT NULL,
	`could_count` integer DEFAULT 0 NOT NULL,
	`wont_count` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `needs_board_idx` ON `needs` (`board_id`);--> statement-breakpoint
CREATE INDEX `needs_search_idx` ON `needs` (`search_title`);--> statement-breakpoint
CREATE INDEX `needs_year_idx` ON `needs` (`target_year`,`module`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`link` text NOT NULL,
	`read_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`read_at`);--> statement-breakpoint
CREATE TABLE `wave_needs` (
	`wave_id` integer NOT NULL,
	`card_id` text NOT NULL,
	PRIMARY KEY(`wave_id`, `card_id`),
	FOREIGN KEY (`wave_id`) REFERENCES `waves`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `wave_needs_card_idx` ON `wave_needs` (`card_id`);--> statement-breakpoint
CREATE TABLE `waves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`board_id` integer NOT NULL,
	`label` text NOT NULL,
	`year` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `waves_board_idx` ON `waves` (`board_id`,`year`,`position`);--> statement-breakpoint
CREATE TABLE `document_updates` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_name` text NOT NULL,
	`update` blob NOT NULL,
	`user_id` integer,
	`at` integer NOT NULL,
	FOREIGN KEY (`doc_name`) REFERENCES `documents`(`name`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `document_updates_doc_idx` ON `document_updates` (`doc_name`,`seq`);--> statement-breakpoint
CREATE TABLE `documents` (
	`name` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`snapshot` blob,
	`snapshot_seq` integer DEFAULT 0 NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
