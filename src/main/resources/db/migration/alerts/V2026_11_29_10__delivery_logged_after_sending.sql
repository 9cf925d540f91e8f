-- The delivery log is written once each recipient's outcome is known, not planned ahead (ADR 0022): a send reads
-- its audience as it goes, and a resumed send skips whoever the log holds, so the planning cursor is gone. How
-- many recipients a message is for is counted when its send starts, for the progress the back office shows.
alter table alerts_message add column audience bigint;
alter table alerts_message drop column planned_to;
