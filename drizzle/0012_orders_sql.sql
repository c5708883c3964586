-- Backfill: the history of orders placed before order_events existed, from their own columns.
INSERT INTO `order_events` (`order_id`, `status`, `actor_id`, `reason`, `at`)
SELECT `id`, 'submitted', `submitted_by`, NULL, `submitted_at` FROM `orders`;
--> statement-breakpoint
INSERT INTO `order_events` (`order_id`, `status`, `actor_id`, `reason`, `at`)
SELECT `id`, `status`, `decided_by`, `refusal_reason`, COALESCE(`decided_at`, `submitted_at`)
FROM `orders` WHERE `status` <> 'submitted';
