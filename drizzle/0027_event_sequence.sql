ALTER TABLE `peer_events` ADD `cancel_reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `peer_events` ADD `sequence` integer DEFAULT 0 NOT NULL;