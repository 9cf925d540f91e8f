package org.beffroi.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps files in the database, so every node sees them and a backup of the database holds everything.
 *
 * <p>Two ways: small files (images, a PDF) whole, as a {@code byte[]} ({@link #store}, {@link #find}), always public at
 * {@code /fichiers/{id}}; and streamed files ({@link #storeStreamed}, {@link #openStreamed}), written and read a chunk
 * of 256 KB at a time, so that a 20 MB file never sits whole in memory, public or {@linkplain FileVisibility#PRIVATE
 * private}.
 */
public interface FileStorage {

    StoredFile store(String filename, String contentType, byte[] content);

    /** A file kept whole; a streamed file is not found here. */
    Optional<StoredFile> find(UUID id);

    /** Deletes the file, kept whole or streamed. */
    void delete(UUID id);

    /**
     * Reads the content to its end and keeps it in chunks, in the caller's transaction (or one of its own): the file
     * exists once that transaction commits, with its size and SHA-256 computed on the way. The stream is not closed.
     */
    StreamedFile storeStreamed(String filename, String contentType, InputStream content, FileVisibility visibility)
            throws IOException;

    /** What is known of a streamed file, without its content. */
    Optional<StreamedFile> findStreamed(UUID id);

    /**
     * The content of a streamed file, read from the database a chunk at a time as the stream is read (no connection is
     * held between two chunks); empty when there is no such file. The caller closes the stream.
     */
    Optional<InputStream> openStreamed(UUID id);
}
