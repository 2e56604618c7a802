-- Subscriptions and the daily digest (issue 11): each user's own notification settings; a delivery
-- goes to a channel or (channel_id null) to one subscribed user's sign-in address; a `digest` event
-- belongs to no portfolio.
CREATE TABLE "notification_subscriptions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" TEXT NOT NULL,
    "mode" TEXT NOT NULL DEFAULT 'none',
    "digest_hour" INTEGER NOT NULL DEFAULT 8,
    "min_severity" TEXT NOT NULL DEFAULT 'warning',
    "portfolio_ids" UUID[] NOT NULL DEFAULT ARRAY[]::UUID[],
    "last_digest_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_subscriptions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "notification_subscriptions_mode_check" CHECK ("mode" IN ('immediate', 'digest', 'none')),
    CONSTRAINT "notification_subscriptions_digest_hour_check" CHECK ("digest_hour" BETWEEN 0 AND 23)
);

CREATE UNIQUE INDEX "notification_subscriptions_user_id_key" ON "notification_subscriptions"("user_id");

CREATE INDEX "notification_subscriptions_mode_idx" ON "notification_subscriptions"("mode");

ALTER TABLE "notification_subscriptions" ADD CONSTRAINT "notification_subscriptions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "notification_events" ALTER COLUMN "portfolio_id" DROP NOT NULL;

ALTER TABLE "notification_deliveries" ALTER COLUMN "channel_id" DROP NOT NULL,
ADD COLUMN "user_id" TEXT,
ADD CONSTRAINT "notification_deliveries_one_destination_check" CHECK (("channel_id" IS NULL) <> ("user_id" IS NULL));

CREATE UNIQUE INDEX "notification_deliveries_event_id_user_id_key" ON "notification_deliveries"("event_id", "user_id");

ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
