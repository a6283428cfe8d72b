-- Where a member's time zone came from: the installation's TIMEZONE ('default'), the platform (Slack
-- users.info, the Teams client: 'platform') or the member's own choice in the profile ('member').
-- The platform may correct a default, never a choice.
ALTER TABLE members ADD COLUMN time_zone_from text NOT NULL DEFAULT 'default'
  CHECK (time_zone_from IN ('default', 'platform', 'member'));
ALTER TABLE members ALTER COLUMN time_zone DROP DEFAULT;
