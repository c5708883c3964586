ALTER TABLE `interests` DROP COLUMN `max_quantity`;--> statement-breakpoint
ALTER TABLE `order_lines` DROP COLUMN `quantity`;