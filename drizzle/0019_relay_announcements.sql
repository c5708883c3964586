CREATE TABLE `announcement_receipts` (
	`announcement_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`opened_at` integer,
	`opened_by` integer,
	`acknowledged_at` integer,
	`acknowledged_by` integer,
	PRIMARY KEY(`announcement_id`, `organisation_id`),
	FOREIGN KEY (`announcement_id`) REFERENCES `announcements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`opened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`acknowledged_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `announcement_receipts_org_idx` ON `announcement_receipts` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `announcements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`centrale_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`contract_id` integer,
	`group_id` integer,
	`deadline` text,
	`event_date` text,
	`audience` text NOT NULL,
	`requires_ack` integer DEFAULT false NOT NULL,
	`ack_by_referent` integer DEFAULT false NOT NULL,
	`escalation_working_days` integer DEFAULT 3 NOT NULL,
	`is_public` integer DEFAULT true NOT NULL,
	`published_by` integer,
	`published_at` integer NOT NULL,
	FOREIGN KEY (`centrale_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`group_id`) REFERENCES `working_groups`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `announcements_centrale_idx` ON `announcements` (`centrale_id`,`published_at`);--> statement-breakpoint
CREATE TABLE `sent_reminders` (
	`key` text PRIMARY KEY NOT NULL,
	`sent_at` integer NOT NULL
);
