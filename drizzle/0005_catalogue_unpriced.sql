PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_price_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lot_id` integer NOT NULL,
	`label` text NOT NULL,
	`unit` text NOT NULL,
	`unit_price_cents` integer,
	`reference_unit_price_cents` integer,
	`vat_rate` integer NOT NULL,
	`recurrence` text NOT NULL,
	`budget_nature` text NOT NULL,
	`suggested_article` text,
	`module` text,
	FOREIGN KEY (`lot_id`) REFERENCES `lots`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_price_items`("id", "lot_id", "label", "unit", "unit_price_cents", "reference_unit_price_cents", "vat_rate", "recurrence", "budget_nature", "suggested_article", "module") SELECT "id", "lot_id", "label", "unit", "unit_price_cents", NULL, "vat_rate", "recurrence", "budget_nature", "suggested_article", "module" FROM `price_items`;--> statement-breakpoint
DROP TABLE `price_items`;--> statement-breakpoint
ALTER TABLE `__new_price_items` RENAME TO `price_items`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `price_items_lot_idx` ON `price_items` (`lot_id`);