package org.beffroi.platform.web;

import java.time.Duration;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.FileStorage;
import org.beffroi.platform.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves stored files: images inline, anything else as a download, never sniffed. */
@RestController
@RequiredArgsConstructor
class FileController {

    private final FileStorage storage;

    @GetMapping("/fichiers/{id}")
    ResponseEntity<byte[]> file(@PathVariable UUID id) {
        return storage.find(id).map(file -> ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        (file.isImage() ? ContentDisposition.inline() : ContentDisposition.attachment())
                                .filename(file.filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                // a stored file never changes: a new upload gets a new id
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .body(file.content()))
                .orElseThrow(NotFoundException::new);
    }
}
