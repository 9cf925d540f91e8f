package org.beffroi.portal.internal;

import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.AuditLog;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.PublicContentChanged;
import org.beffroi.platform.SearchDocument;
import org.beffroi.portal.CouncilMeeting;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Saves council meetings and their documents, with the audit trail and the search index kept in step. */
@Service
@RequiredArgsConstructor
public class CouncilDesk {

    private final CouncilRepository meetings;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    @Transactional
    public long save(CouncilMeeting meeting) {
        long id = meeting.id();
        if (id == 0) {
            id = meetings.insert(meeting);
            audit.record("council.meeting-created", "meeting:" + id, meeting.title());
        } else {
            meetings.update(meeting);
            audit.record("council.meeting-changed", "meeting:" + id, meeting.title());
        }
        events.publishEvent(PublicContentChanged.published(searchDocument(meetings.find(id).orElseThrow())));
        return id;
    }

    @Transactional
    public void delete(long id) {
        CouncilMeeting meeting = meetings.find(id).orElseThrow(NotFoundException::new);
        meetings.delete(id);
        audit.record("council.meeting-deleted", "meeting:" + id, meeting.title());
        events.publishEvent(PublicContentChanged.withdrawn("meeting", Long.toString(id)));
    }

    @Transactional
    public void addDocument(long meetingId, CouncilMeeting.Kind kind, String title, UUID fileId) {
        long documentId = meetings.addDocument(meetingId, kind, title, fileId);
        audit.record("council.document-published", "meeting:" + meetingId, kind + " " + documentId + " " + title);
        events.publishEvent(PublicContentChanged.published(searchDocument(meetings.find(meetingId).orElseThrow())));
    }

    @Transactional
    public void removeDocument(long meetingId, long documentId) {
        if (!meetings.removeDocument(meetingId, documentId)) {
            throw new NotFoundException();
        }
        audit.record("council.document-removed", "meeting:" + meetingId, Long.toString(documentId));
        events.publishEvent(PublicContentChanged.published(searchDocument(meetings.find(meetingId).orElseThrow())));
    }

    /** A meeting is found by its agenda and by the titles of its documents. */
    public static SearchDocument searchDocument(CouncilMeeting meeting) {
        var text = new StringBuilder(meeting.place()).append("\n\n").append(java.util.Objects.toString(meeting.agenda(), ""));
        meeting.documents().forEach(d -> text.append("\n\n").append(d.title()));
        return new SearchDocument("meeting", Long.toString(meeting.id()), meeting.title(), text.toString(),
                "/conseil/" + meeting.id(), meeting.startsAt(), null);
    }
}
