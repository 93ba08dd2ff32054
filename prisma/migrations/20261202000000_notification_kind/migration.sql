-- Inbox lines store their kind's message parameters (issue 13): rendered in the reader's
-- language; rows made before keep their Chinese text as the fallback.
ALTER TABLE "Notification" ADD COLUMN "params" TEXT;
