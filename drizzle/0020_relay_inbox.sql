CREATE TABLE `unsubscribe_tokens` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`token` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `unsubscribe_tokens_token_idx` ON `unsubscribe_tokens` (`token`);--> statement-breakpoint
ALTER TABLE `notifications` ADD `archived_at` integer;