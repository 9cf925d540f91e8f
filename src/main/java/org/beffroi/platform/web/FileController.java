package org.beffroi.platform.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.FileStorage;
import org.beffroi.platform.FileVisibility;
import org.beffroi.platform.NotFoundException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves stored files: images inline, anything else as a download, never sniffed. A streamed file is served a chunk at
 * a time, and only when it is public: a private one (a resident's attachment) answers 404, as an unknown id does.
 */
@RestController
@RequiredArgsConstructor
class FileController {

    private final FileStorage storage;

    @GetMapping("/fichiers/{id}")
    ResponseEntity<?> file(@PathVariable UUID id) {
        var whole = storage.find(id);
        if (whole.isPresent()) {
            var file = whole.get();
            return headers(file.filename(), file.contentType(), file.isImage()).body(file.content());
        }
        var streamed = storage.findStreamed(id).filter(file -> file.visibility() == FileVisibility.PUBLIC)
                .orElseThrow(NotFoundException::new);
        var content = storage.openStreamed(id).orElseThrow(NotFoundException::new);
        return headers(streamed.filename(), streamed.contentType(), streamed.isImage())
                .contentLength(streamed.size()).body(new InputStreamResource(content));
    }

    private static ResponseEntity.BodyBuilder headers(String filename, String contentType, boolean image) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        (image ? ContentDisposition.inline() : ContentDisposition.attachment())
                                .filename(filename, StandardCharsets.UTF_8).build().toString())
                // a stored file never changes: a new upload gets a new id
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }
}
