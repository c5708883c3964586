CREATE TABLE `budget_calendars` (
	`organisation_id` integer NOT NULL,
	`year` integer NOT NULL,
	`initial_vote` text NOT NULL,
	`mb1` text,
	`mb2` text,
	`updated_by` integer,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`organisation_id`, `year`),
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
ALTER TABLE `needs` ADD `column_title` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `working_groups` ADD `version` integer DEFAULT 1 NOT NULL;