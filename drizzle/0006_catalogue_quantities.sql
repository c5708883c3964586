ALTER TABLE `interests` ADD `max_quantity_hundredths` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `order_lines` ADD `quantity_hundredths` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE `interests` SET `max_quantity_hundredths` = `max_quantity` * 100;--> statement-breakpoint
UPDATE `order_lines` SET `quantity_hundredths` = `quantity` * 100;