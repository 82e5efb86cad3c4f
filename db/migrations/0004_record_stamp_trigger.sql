-- The change stamp for reader caches moves with every audit event except anonymous traffic:
-- sign-ins (auth.*) and reader reports arriving (report.create) never change the public record.
-- Deny-listed rather than allow-listed, so a new kind of write moves the stamp until told otherwise.
INSERT INTO `record_stamp` (`id`, `stamp`) SELECT 1, coalesce(max(`id`), 0) FROM `audit_events` WHERE true ON CONFLICT (`id`) DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER `record_stamp_moves` AFTER INSERT ON `audit_events`
WHEN NEW.`action` NOT LIKE 'auth.%' AND NEW.`action` <> 'report.create'
BEGIN
  UPDATE `record_stamp` SET `stamp` = NEW.`id` WHERE `id` = 1;
END;
