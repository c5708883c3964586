CREATE TABLE `plan_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`kind` text NOT NULL,
	`centrale_id` integer,
	`contract_id` integer,
	`intention_id` integer,
	`decided_on` text NOT NULL,
	`reference` text NOT NULL,
	`file_sha256` text,
	`file_name` text,
	`recorded_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`centrale_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`intention_id`) REFERENCES `purchase_intentions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `plan_decisions_organisation_idx` ON `plan_decisions` (`organisation_id`,`kind`);--> statement-breakpoint
CREATE TABLE `plan_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`intention_id` integer NOT NULL,
	`kind` text NOT NULL,
	`template_id` integer,
	`template_version` integer NOT NULL,
	`values` text NOT NULL,
	`generated_by` integer,
	`generated_at` integer NOT NULL,
	FOREIGN KEY (`intention_id`) REFERENCES `purchase_intentions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`template_id`) REFERENCES `plan_templates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`generated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `plan_documents_intention_idx` ON `plan_documents` (`intention_id`);--> statement-breakpoint
CREATE TABLE `plan_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`version` integer NOT NULL,
	`body` text NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_templates_kind_version_idx` ON `plan_templates` (`kind`,`version`);--> statement-breakpoint
CREATE TABLE `purchase_intention_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`intention_id` integer NOT NULL,
	`price_item_id` integer NOT NULL,
	`quantity_hundredths` integer NOT NULL,
	`nature_override` text,
	`nature_chosen_by` integer,
	`nature_chosen_at` integer,
	FOREIGN KEY (`intention_id`) REFERENCES `purchase_intentions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`price_item_id`) REFERENCES `price_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`nature_chosen_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `purchase_intention_items_idx` ON `purchase_intention_items` (`intention_id`,`price_item_id`);--> statement-breakpoint
CREATE TABLE `purchase_intentions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`contract_id` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`modules` text DEFAULT '[]' NOT NULL,
	`target_month` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `purchase_intentions_organisation_idx` ON `purchase_intentions` (`organisation_id`,`target_month`);--> statement-breakpoint
CREATE INDEX `purchase_intentions_contract_idx` ON `purchase_intentions` (`contract_id`);