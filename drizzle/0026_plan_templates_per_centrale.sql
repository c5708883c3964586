DROP INDEX `plan_templates_kind_version_idx`;--> statement-breakpoint
ALTER TABLE `plan_templates` ADD `centrale_id` integer REFERENCES organisations(id);--> statement-breakpoint
CREATE UNIQUE INDEX `plan_templates_centrale_kind_version_idx` ON `plan_templates` (`centrale_id`,`kind`,`version`);