package org.beffroi.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.FileStorage;
import org.beffroi.platform.FileVisibility;
import org.beffroi.platform.StoredFile;
import org.beffroi.platform.StreamedFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@RequiredArgsConstructor
class JdbcFileStorage implements FileStorage {

    /** A chunk: small enough to sit in memory a few at a time, large enough that 20 MB is 80 rows. */
    static final int CHUNK_SIZE = 256 * 1024;

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
    @Transactional
    public void delete(UUID id) {
        jdbc.sql("delete from platform_file where id = ?").param(id).update();
        jdbc.sql("delete from platform_file_chunk where file_id = ?").param(id).update();
        jdbc.sql("delete from platform_streamed_file where id = ?").param(id).update();
    }

    @Override
    @Transactional
    public StreamedFile storeStreamed(String filename, String contentType, InputStream content,
            FileVisibility visibility) throws IOException {
        UUID id = UUID.randomUUID();
        var createdAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS); // as the database keeps it
        jdbc.sql("""
                insert into platform_streamed_file (id, filename, content_type, size_bytes, visibility, created_at)
                values (?, ?, ?, 0, ?, ?)""")
                .params(id, filename, contentType, visibility.name(), createdAt).update();
        var digest = sha256();
        var input = new DigestInputStream(content, digest);
        long size = 0;
        int seq = 0;
        byte[] chunk;
        while ((chunk = input.readNBytes(CHUNK_SIZE)).length > 0) {
            jdbc.sql("insert into platform_file_chunk (file_id, seq, data) values (?, ?, ?)").params(id, seq++, chunk)
                    .update();
            size += chunk.length;
        }
        String checksum = HexFormat.of().formatHex(digest.digest());
        jdbc.sql("update platform_streamed_file set size_bytes = ?, sha256 = ? where id = ?").params(size, checksum, id)
                .update();
        return new StreamedFile(id, filename, contentType, size, checksum, visibility, createdAt.toInstant());
    }

    @Override
    public Optional<StreamedFile> findStreamed(UUID id) {
        return jdbc.sql("select * from platform_streamed_file where id = ?").param(id)
                .query((rs, n) -> new StreamedFile(rs.getObject("id", UUID.class), rs.getString("filename"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                        FileVisibility.valueOf(rs.getString("visibility")),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    @Override
    public Optional<InputStream> openStreamed(UUID id) {
        return findStreamed(id).map(file -> new ChunkStream(id, file.size()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Reads the chunks in order, one query each, when the previous one is used up. */
    private final class ChunkStream extends InputStream {

        private final UUID id;
        private final long size;
        private long delivered;
        private int next;
        private byte[] chunk = new byte[0];
        private int position;
        private boolean ended;

        ChunkStream(UUID id, long size) {
            this.id = id;
            this.size = size;
        }

        private boolean fill() throws IOException {
            while (!ended && position >= chunk.length) {
                var read = jdbc.sql("select data from platform_file_chunk where file_id = ? and seq = ?")
                        .params(id, next).query((rs, n) -> rs.getBytes(1)).optional();
                if (read.isEmpty()) {
                    ended = true;
                    if (delivered != size) { // deleted while it was read: never a truncated file taken for whole
                        throw new IOException("file " + id + " ended after " + delivered + " of " + size + " bytes");
                    }
                } else {
                    chunk = read.get();
                    position = 0;
                    delivered += chunk.length;
                    next++;
                }
            }
            return !ended || position < chunk.length;
        }

        @Override
        public int read() throws IOException {
            return fill() ? chunk[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int count = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, buffer, offset, count);
            position += count;
            return count;
        }

        @Override
        public void close() {
            ended = true;
            chunk = new byte[0];
        }
    }
}
