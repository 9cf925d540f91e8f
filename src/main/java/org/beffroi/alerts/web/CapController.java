package org.beffroi.alerts.web;

import lombok.RequiredArgsConstructor;

import org.beffroi.alerts.internal.CapDocuments;
import org.beffroi.alerts.internal.CapFeed;
import org.beffroi.platform.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Published alerts for machines: each message as a CAP 1.2 document, and the Atom feed that lists them.
 * Drafts, scheduled alerts and unknown ids answer 404.
 */
@Controller
@RequiredArgsConstructor
class CapController {

    private static final MediaType CAP = MediaType.parseMediaType(CapDocuments.MEDIA_TYPE + ";charset=UTF-8");

    private final CapDocuments documents;
    private final CapFeed feed;

    /** The alert as it stands: its latest message (the cancel once it has ended). */
    @GetMapping("/alertes/{id}.cap")
    ResponseEntity<String> current(@PathVariable long id) {
        return cap(documents.current(id).orElseThrow(NotFoundException::new));
    }

    @GetMapping("/alertes/{id}/messages/{messageId}.cap")
    ResponseEntity<String> message(@PathVariable long id, @PathVariable long messageId) {
        return cap(documents.message(id, messageId).orElseThrow(NotFoundException::new));
    }

    @GetMapping("/alertes/{id}/fin.cap")
    ResponseEntity<String> cancel(@PathVariable long id) {
        return cap(documents.message(id, null).orElseThrow(NotFoundException::new));
    }

    @GetMapping(CapFeed.PATH)
    ResponseEntity<String> atom() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(feed.write());
    }

    private static ResponseEntity<String> cap(String document) {
        return ResponseEntity.ok().contentType(CAP).body(document);
    }
}
