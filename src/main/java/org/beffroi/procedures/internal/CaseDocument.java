package org.beffroi.procedures.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A document the workflow made for a case (a PDF): its file name, its title, whether the resident sees it, and its
 * size in bytes. The bytes are read one document at a time ({@link CaseStore#document}).
 */
public record CaseDocument(UUID id, long caseId, String name, String title, boolean forResident, Instant createdAt,
        int size) {

    /** A document's bytes, to send as {@code application/pdf} under its name. */
    public record File(CaseDocument document, byte[] content) {

        public static final String CONTENT_TYPE = "application/pdf";
    }
}
