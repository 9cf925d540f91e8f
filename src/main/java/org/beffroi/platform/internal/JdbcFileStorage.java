package org.beffroi.platform.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.FileStorage;
import org.beffroi.platform.StoredFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
@RequiredArgsConstructor
class JdbcFileStorage implements FileStorage {

    private final JdbcClient jdbc;
    private final Clock clock;

    @Override
    public StoredFile store(String filename, String contentType, byte[] content) {
        var file = new StoredFile(UUID.randomUUID(), filename, contentType, content, clock.instant());
        jdbc.sql("insert into platform_file (id, filename, content_type, size_bytes, content, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(file.id(), filename, contentType, content.length, content, OffsetDateTime.now(clock))
                .update();
        return file;
    }

    @Override
    public Optional<StoredFile> find(UUID id) {
        return jdbc.sql("select * from platform_file where id = ?").param(id)
                .query((rs, n) -> new StoredFile(rs.getObject("id", UUID.class), rs.getString("filename"),
                        rs.getString("content_type"), rs.getBytes("content"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    @Override
    public void delete(UUID id) {
        jdbc.sql("delete from platform_file where id = ?").param(id).update();
    }
}
