CREATE TABLE `adhesions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contract_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`decision_reference` text NOT NULL,
	`decision_date` text NOT NULL,
	`modules` text DEFAULT '[]' NOT NULL,
	`estimated_quantities` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`withdrawn_at` integer,
	`withdrawn_by` integer,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`withdrawn_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `adhesions_contract_idx` ON `adhesions` (`contract_id`);--> statement-breakpoint
CREATE INDEX `adhesions_organisation_idx` ON `adhesions` (`organisation_id`,`contract_id`);--> statement-breakpoint
CREATE TABLE `contract_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contract_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`is_public` integer DEFAULT true NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`mime` text NOT NULL,
	`original_filename` text NOT NULL,
	`uploaded_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `contract_documents_contract_idx` ON `contract_documents` (`contract_id`);--> statement-breakpoint
CREATE TABLE `contract_transitions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contract_id` integer NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`by_user_id` integer,
	`at` integer NOT NULL,
	`note` text,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `contract_transitions_contract_idx` ON `contract_transitions` (`contract_id`,`at`);--> statement-breakpoint
CREATE TABLE `contracts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`theme` text NOT NULL,
	`cpv_codes` text DEFAULT '[]' NOT NULL,
	`centrale_id` integer NOT NULL,
	`source_url` text,
	`procedure` text NOT NULL,
	`status` text NOT NULL,
	`interest_deadline` text,
	`tender_close_date` text,
	`award_date` text,
	`start_date` text,
	`end_date` text,
	`max_end_date` text,
	`estimated_value_cents` integer,
	`max_value_cents` integer,
	`modules` text DEFAULT '[]' NOT NULL,
	`predecessor_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`centrale_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contracts_reference_idx` ON `contracts` (`reference`);--> statement-breakpoint
CREATE INDEX `contracts_status_end_idx` ON `contracts` (`status`,`end_date`);--> statement-breakpoint
CREATE INDEX `contracts_theme_idx` ON `contracts` (`theme`);--> statement-breakpoint
CREATE INDEX `contracts_centrale_idx` ON `contracts` (`centrale_id`);--> statement-breakpoint
CREATE INDEX `contracts_predecessor_idx` ON `contracts` (`predecessor_id`);--> statement-breakpoint
CREATE INDEX `contracts_title_idx` ON `contracts` (`title`);--> statement-breakpoint
CREATE TABLE `interests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contract_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`max_quantity` integer NOT NULL,
	`estimated_amount_cents` integer NOT NULL,
	`note` text,
	`declared_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`declared_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `interests_contract_organisation_idx` ON `interests` (`contract_id`,`organisation_id`);--> statement-breakpoint
CREATE INDEX `interests_organisation_idx` ON `interests` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `lots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contract_id` integer NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`supplier_id` integer,
	`end_date` text,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lots_contract_number_idx` ON `lots` (`contract_id`,`number`);--> statement-breakpoint
CREATE INDEX `lots_supplier_idx` ON `lots` (`supplier_id`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`centrale_id` integer NOT NULL,
	`council_decision_date` text NOT NULL,
	`council_decision_reference` text NOT NULL,
	`convention_signed_date` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`centrale_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `memberships_organisation_idx` ON `memberships` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `order_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`price_item_id` integer,
	`label` text NOT NULL,
	`unit` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price_cents` integer NOT NULL,
	`vat_rate` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`price_item_id`) REFERENCES `price_items`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `order_lines_order_idx` ON `order_lines` (`order_id`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`adhesion_id` integer NOT NULL,
	`contract_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`lot_id` integer NOT NULL,
	`budget_year` integer NOT NULL,
	`budget_article` text NOT NULL,
	`status` text DEFAULT 'submitted' NOT NULL,
	`refusal_reason` text,
	`excl_vat_cents` integer NOT NULL,
	`vat_cents` integer NOT NULL,
	`incl_vat_cents` integer NOT NULL,
	`note` text,
	`submitted_by` integer,
	`submitted_at` integer NOT NULL,
	`decided_by` integer,
	`decided_at` integer,
	FOREIGN KEY (`adhesion_id`) REFERENCES `adhesions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `orders_organisation_idx` ON `orders` (`organisation_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `orders_contract_status_idx` ON `orders` (`contract_id`,`status`);--> statement-breakpoint
CREATE INDEX `orders_adhesion_idx` ON `orders` (`adhesion_id`);--> statement-breakpoint
CREATE TABLE `price_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lot_id` integer NOT NULL,
	`label` text NOT NULL,
	`unit` text NOT NULL,
	`unit_price_cents` integer NOT NULL,
	`vat_rate` integer NOT NULL,
	`recurrence` text NOT NULL,
	`budget_nature` text NOT NULL,
	`suggested_article` text,
	`module` text,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `price_items_lot_idx` ON `price_items` (`lot_id`);--> statement-breakpoint
CREATE TABLE `suppliers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`vat_number` text NOT NULL,
	`website` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `suppliers_vat_idx` ON `suppliers` (`vat_number`);