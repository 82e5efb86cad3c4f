CREATE TABLE `version_texts` (
	`version_id` integer PRIMARY KEY NOT NULL,
	`plain` text NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `versions`(`id`) ON UPDATE no action ON DELETE no action
);
