package org.beffroi.portal.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.beffroi.portal.Media.Album;
import org.beffroi.portal.Media.Episode;
import org.beffroi.portal.Media.Photo;
import org.beffroi.portal.Media.Video;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Albums and their photos, videos and podcast episodes. */
@Repository
@RequiredArgsConstructor
public class MediaRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    // albums

    public List<Album> findAlbums(boolean publishedOnly) {
        return jdbc.sql("select * from portal_album" + (publishedOnly ? " where published = true" : "")
                + " order by created_at desc, id desc").query(MediaRepository::albumRow).list().stream()
                .map(this::withPhotos).toList();
    }

    public Optional<Album> findAlbum(long id) {
        return jdbc.sql("select * from portal_album where id = ?").param(id).query(MediaRepository::albumRow)
                .optional().map(this::withPhotos);
    }

    public Optional<Album> findPublishedAlbum(String slug) {
        return jdbc.sql("select * from portal_album where slug = ? and published = true").param(slug)
                .query(MediaRepository::albumRow).optional().map(this::withPhotos);
    }

    public boolean existsAlbumSlug(String slug) {
        return jdbc.sql("select count(*) from portal_album where slug = ?").param(slug).query(Long.class).single() > 0;
    }

    public long insertAlbum(String title, String slug, String description, boolean published) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into portal_album (title, slug, description, published, created_at) values (?, ?, ?, ?, ?)")
                .params(title, slug, description, published, OffsetDateTime.now(clock)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void updateAlbum(long id, String title, String description, boolean published) {
        jdbc.sql("update portal_album set title = ?, description = ?, published = ? where id = ?")
                .params(title, description, published, id).update();
    }

    public void deleteAlbum(long id) {
        jdbc.sql("delete from portal_album where id = ?").param(id).update();
    }

    public void addPhoto(long albumId, UUID fileId, UUID thumbnailId, String alt, String caption) {
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from portal_photo where album_id = ?")
                .param(albumId).query(Integer.class).single();
        jdbc.sql("""
                insert into portal_photo (album_id, file_id, thumbnail_file_id, alt, caption, position)
                values (?, ?, ?, ?, ?, ?)""").params(albumId, fileId, thumbnailId, alt, caption, position).update();
    }

    public boolean removePhoto(long albumId, long photoId) {
        return jdbc.sql("delete from portal_photo where id = ? and album_id = ?").params(photoId, albumId).update() == 1;
    }

    // videos

    public List<Video> findVideos() {
        return jdbc.sql("select * from portal_video order by published_at desc, id desc").query(MediaRepository::video)
                .list();
    }

    public Optional<Video> findVideo(long id) {
        return jdbc.sql("select * from portal_video where id = ?").param(id).query(MediaRepository::video).optional();
    }

    public long addVideo(String title, String url, String description) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into portal_video (title, url, description, published_at) values (?, ?, ?, ?)")
                .params(title, url, description, OffsetDateTime.now(clock)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public boolean removeVideo(long id) {
        return jdbc.sql("delete from portal_video where id = ?").param(id).update() == 1;
    }

    // podcast

    public List<Episode> findEpisodes() {
        return jdbc.sql("select * from portal_podcast_episode order by published_at desc, id desc")
                .query(MediaRepository::episode).list();
    }

    public Optional<Episode> findEpisode(long id) {
        return jdbc.sql("select * from portal_podcast_episode where id = ?").param(id).query(MediaRepository::episode)
                .optional();
    }

    public long addEpisode(String title, String description, UUID fileId, String contentType, long size,
            String transcript) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into portal_podcast_episode (title, description, file_id, content_type, size_bytes, transcript,
                    published_at) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(title, description, fileId, contentType, size, transcript, OffsetDateTime.now(clock))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public boolean removeEpisode(long id) {
        return jdbc.sql("delete from portal_podcast_episode where id = ?").param(id).update() == 1;
    }

    private List<Photo> photos(long albumId) {
        return jdbc.sql("select * from portal_photo where album_id = ? order by position, id").param(albumId)
                .query((rs, n) -> new Photo(rs.getLong("id"), rs.getLong("album_id"), rs.getObject("file_id", UUID.class),
                        rs.getObject("thumbnail_file_id", UUID.class), rs.getString("alt"), rs.getString("caption"),
                        rs.getInt("position")))
                .list();
    }

    /** Photos are read after the albums' query is over: never a query inside a row mapper. */
    private Album withPhotos(Album a) {
        return new Album(a.id(), a.title(), a.slug(), a.description(), a.published(), a.createdAt(), photos(a.id()));
    }

    private static Album albumRow(ResultSet rs, int n) throws SQLException {
        return new Album(rs.getLong("id"), rs.getString("title"), rs.getString("slug"), rs.getString("description"),
                rs.getBoolean("published"), instant(rs, "created_at"), List.of());
    }

    private static Video video(ResultSet rs, int n) throws SQLException {
        return new Video(rs.getLong("id"), rs.getString("title"), rs.getString("url"), rs.getString("description"),
                instant(rs, "published_at"));
    }

    private static Episode episode(ResultSet rs, int n) throws SQLException {
        return new Episode(rs.getLong("id"), rs.getString("title"), rs.getString("description"),
                rs.getObject("file_id", UUID.class), rs.getString("content_type"), rs.getLong("size_bytes"),
                rs.getString("transcript"), instant(rs, "published_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
