package org.beffroi.portal.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.beffroi.portal.CouncilMeeting;
import org.beffroi.portal.CouncilMeeting.Document;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Council meetings with their documents. */
@Repository
@RequiredArgsConstructor
public class CouncilRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    /** Every meeting, the latest first. */
    public List<CouncilMeeting> all() {
        return jdbc.sql("select * from portal_council_meeting order by starts_at desc").query(CouncilRepository::row)
                .list().stream().map(this::withDocuments).toList();
    }

    public Optional<CouncilMeeting> find(long id) {
        return jdbc.sql("select * from portal_council_meeting where id = ?").param(id).query(CouncilRepository::row)
                .optional().map(this::withDocuments);
    }

    public long insert(CouncilMeeting m) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into portal_council_meeting (title, starts_at, ends_at, place, agenda, video_url, live_url, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m.title(), utc(m.startsAt()), utc(m.endsAt()), m.place(), m.agenda(), m.videoUrl(), m.liveUrl(),
                        OffsetDateTime.now(clock))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void update(CouncilMeeting m) {
        jdbc.sql("""
                update portal_council_meeting set title = ?, starts_at = ?, ends_at = ?, place = ?, agenda = ?,
                    video_url = ?, live_url = ? where id = ?""")
                .params(m.title(), utc(m.startsAt()), utc(m.endsAt()), m.place(), m.agenda(), m.videoUrl(), m.liveUrl(),
                        m.id())
                .update();
    }

    public void delete(long id) {
        jdbc.sql("delete from portal_council_meeting where id = ?").param(id).update();
    }

    public long addDocument(long meetingId, CouncilMeeting.Kind kind, String title, UUID fileId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into portal_council_document (meeting_id, kind, title, file_id, published_at) values (?, ?, ?, ?, ?)")
                .params(meetingId, kind.name(), title, fileId, OffsetDateTime.now(clock)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public boolean removeDocument(long meetingId, long documentId) {
        return jdbc.sql("delete from portal_council_document where id = ? and meeting_id = ?")
                .params(documentId, meetingId).update() == 1;
    }

    private List<Document> documents(long meetingId) {
        return jdbc.sql("select * from portal_council_document where meeting_id = ? order by kind, id").param(meetingId)
                .query((rs, n) -> new Document(rs.getLong("id"), CouncilMeeting.Kind.valueOf(rs.getString("kind")),
                        rs.getString("title"), rs.getObject("file_id", UUID.class), instant(rs, "published_at")))
                .list();
    }

    /**
     * Documents are read once the meetings' query is over: a query inside a row mapper would hold a second
     * connection while the first is still open, and a busy pool would then wait on itself.
     */
    private CouncilMeeting withDocuments(CouncilMeeting m) {
        return new CouncilMeeting(m.id(), m.title(), m.startsAt(), m.endsAt(), m.place(), m.agenda(), m.videoUrl(),
                m.liveUrl(), documents(m.id()));
    }

    private static CouncilMeeting row(ResultSet rs, int n) throws SQLException {
        return new CouncilMeeting(rs.getLong("id"), rs.getString("title"), instant(rs, "starts_at"),
                instant(rs, "ends_at"), rs.getString("place"), rs.getString("agenda"), rs.getString("video_url"),
                rs.getString("live_url"), List.of());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
