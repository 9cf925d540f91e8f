package org.beffroi.procedures.web;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.beffroi.procedures.internal.CaseAttachments;
import org.beffroi.procedures.internal.CaseDocument;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A case's files and documents as downloads, for the resident and for the agents: always as an attachment (never
 * shown in the page), never cached, under their own name.
 */
public final class Downloads {

    private Downloads() {
    }

    /** A file the resident gave, streamed a chunk at a time. */
    public static ResponseEntity<InputStreamResource> file(CaseAttachments.Attached attached, InputStream content) {
        var file = attached.file();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType())).contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(file.filename()))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new InputStreamResource(content));
    }

    /** A document the workflow made. */
    public static ResponseEntity<byte[]> document(CaseDocument.File document) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(CaseDocument.File.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(document.document().name()))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(document.content());
    }

    private static String disposition(String name) {
        return ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString();
    }
}
