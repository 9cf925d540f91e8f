-- An alert's or a list's audience is read a page at a time in subscription order, from these indexes: the
-- page is a range of the index, where an index on the topic (or list) alone made the database sort every
-- remaining subscriber at each page.
create index alerts_subscription_topic_order on alerts_subscription_topic (topic_id, subscription_id);
drop index alerts_subscription_topic_topic;
create index alerts_subscription_list_order on alerts_subscription_list (list_id, subscription_id);
drop index alerts_subscription_list_list;
