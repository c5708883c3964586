CREATE TABLE `commune_feed_tokens` (
	`organisation_id` integer PRIMARY KEY NOT NULL,
	`token` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `commune_feed_tokens_token_idx` ON `commune_feed_tokens` (`token`);