-- A message's and a delivery's status are the names of MessageStatus and DeliveryStatus, and nothing else.
alter table alerts_message add constraint alerts_message_status
    check (status in ('SCHEDULED', 'PLANNING', 'SENDING', 'DONE', 'CANCELLED'));
alter table alerts_delivery add constraint alerts_delivery_status
    check (status in ('PENDING', 'SENT', 'FAILED', 'BOUNCED'));
