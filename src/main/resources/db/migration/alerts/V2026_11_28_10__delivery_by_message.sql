-- A message's deliveries are read in the order they were planned, each batch from where the last one stopped:
-- an index that a change of status leaves alone, where the former one (message, status, next try) moved at
-- every delivery recorded.
create index alerts_delivery_by_message on alerts_delivery (message_id, id);
drop index alerts_delivery_work;
