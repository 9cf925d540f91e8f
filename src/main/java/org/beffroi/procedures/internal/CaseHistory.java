package org.beffroi.procedures.internal;

import java.time.Clock;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Appends to a case's history; nothing here updates or deletes an entry (anonymisation aside, in CaseDesk). */
@Component
@RequiredArgsConstructor
public class CaseHistory {

    private final JdbcClient jdbc;
    private final Clock clock;

    /** Who acts: the person signed in on this request, or nobody (the workflow itself, a scheduled jump). */
    public record Entry(HistoryKind kind, boolean forResident, String text, String before, String after, UUID fileId,
            String fileName) {

        public static Entry of(HistoryKind kind, boolean forResident, String text) {
            return new Entry(kind, forResident, text, null, null, null, null);
        }
    }

    public void append(long caseId, Entry entry) {
        var actor = SignedInUser.current();
        jdbc.sql("""
                insert into procedures_case_event (case_id, occurred_at, kind, actor_account_id, actor_label,
                for_resident, text, before_value, after_value, file_id, file_name)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, CaseStore.at(clock.instant()), entry.kind().name(),
                        actor.map(SignedInUser::accountId).orElse(null),
                        actor.map(SignedInUser::displayName).orElse(null), entry.forResident(), entry.text(),
                        entry.before(), entry.after(), entry.fileId(), entry.fileName())
                .update();
    }
}
