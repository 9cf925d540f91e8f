package org.beffroi.platform;

import java.util.Optional;
import java.util.UUID;

/** Keeps files in the database, so every node sees them and a backup of the database holds everything. */
public interface FileStorage {

    StoredFile store(String filename, String contentType, byte[] content);

    Optional<StoredFile> find(UUID id);

    void delete(UUID id);
}
