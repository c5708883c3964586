CREATE TABLE `job_state` (
	`name` text PRIMARY KEY NOT NULL,
	`covered_until` integer NOT NULL,
	`lease_owner` text,
	`lease_until` integer,
	`last_run_at` integer,
	`last_success_at` integer,
	`last_error` text,
	`failures` integer DEFAULT 0 NOT NULL
);
