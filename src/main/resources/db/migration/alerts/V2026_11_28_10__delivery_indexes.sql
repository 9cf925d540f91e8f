-- Fewer indexes on the delivery log, each written at every delivery planned and, on H2, at every outcome
-- recorded. The unique index (message, subscription, channel) serves the senders, who read a message's rows in
-- subscription order, and the ending of a subscription, which drops its pending rows message by message.
drop index alerts_delivery_work;
drop index alerts_delivery_subscription;
-- Rows are no longer marked when a sender takes them: a row stays pending until its outcome is written.
alter table alerts_delivery drop column claimed_at;
