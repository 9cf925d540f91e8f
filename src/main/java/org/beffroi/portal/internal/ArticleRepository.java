package org.beffroi.portal.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.beffroi.portal.Article;
import org.beffroi.portal.Article.Kind;
import org.beffroi.portal.Article.Status;
import org.beffroi.portal.NewsCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Articles, their revisions and their files. "Public" always means: published or scheduled, and due. */
@Repository
@RequiredArgsConstructor
public class ArticleRepository {

    private static final String PUBLIC = " status in ('PUBLISHED', 'SCHEDULED') and published_at <= :now ";

    private final JdbcClient jdbc;
    private final Clock clock;

    public Optional<Article> find(long id) {
        return jdbc.sql("select * from portal_article where id = ?").param(id).query(ArticleRepository::row).optional();
    }

    public Optional<Article> find(Kind kind, long id) {
        return find(id).filter(a -> a.kind() == kind);
    }

    public Optional<Article> findPublic(Kind kind, String slug, Instant now) {
        return jdbc.sql("select * from portal_article where kind = :kind and slug = :slug and" + PUBLIC)
                .param("kind", kind.name()).param("slug", slug).param("now", utc(now))
                .query(ArticleRepository::row).optional();
    }

    public boolean existsSlug(Kind kind, String slug, Long exceptId) {
        return jdbc.sql("select count(*) from portal_article where kind = ? and slug = ? and id <> ?")
                .params(kind.name(), slug, exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    /** Latest public news first, optionally of one category or one neighbourhood. */
    public List<Article> findPublicNews(NewsFilter filter, Instant now, int offset, int limit) {
        return jdbc.sql("select * from portal_article where kind = 'NEWS' and" + PUBLIC + filter.where()
                + " order by published_at desc, id desc offset :offset rows fetch next :limit rows only")
                .params(filter.params()).param("now", utc(now)).param("offset", offset).param("limit", limit)
                .query(ArticleRepository::row).list();
    }

    public long countPublicNews(NewsFilter filter, Instant now) {
        return jdbc.sql("select count(*) from portal_article where kind = 'NEWS' and" + PUBLIC + filter.where())
                .params(filter.params()).param("now", utc(now)).query(Long.class).single();
    }

    /** Every public page, in menu order: the caller builds the tree. */
    public List<Article> findPublicPages(Instant now) {
        return jdbc.sql("select * from portal_article where kind = 'PAGE' and" + PUBLIC + " order by position, title")
                .param("now", utc(now)).query(ArticleRepository::row).list();
    }

    /** All public articles, for a rebuild of the search index. */
    public List<Article> allPublic(Instant now) {
        return jdbc.sql("select * from portal_article where" + PUBLIC + " order by id").param("now", utc(now))
                .query(ArticleRepository::row).list();
    }

    /** The back office's list: every state, optionally one state, optionally matching words of the title. */
    public List<Article> findForBackOffice(Kind kind, Status status, String titleContains) {
        var sql = new StringBuilder("select * from portal_article where kind = :kind");
        var params = new java.util.HashMap<String, Object>();
        params.put("kind", kind.name());
        if (status != null) {
            sql.append(" and status = :status");
            params.put("status", status.name());
        }
        if (titleContains != null && !titleContains.isBlank()) {
            sql.append(" and lower(title) like :title");
            params.put("title", "%" + titleContains.strip().toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(kind == Kind.PAGE ? " order by position, title" : " order by updated_at desc, id desc");
        return jdbc.sql(sql.toString()).params(params).query(ArticleRepository::row).list();
    }

    /** The time after now at which the next article becomes public by itself, if one is planned. */
    public Optional<Instant> nextScheduledPublication(Instant now) {
        return jdbc.sql(
                "select min(published_at) from portal_article where status in ('PUBLISHED', 'SCHEDULED') and published_at > ?")
                .param(utc(now)).query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))).single()
                .map(OffsetDateTime::toInstant);
    }

    /** Scheduled articles whose time has come and that the job has not yet marked published. */
    public List<Long> scheduledAndDue(Instant now) {
        return jdbc.sql("select id from portal_article where status = 'SCHEDULED' and published_at <= ? order by id")
                .param(utc(now)).query(Long.class).list();
    }

    public boolean markPublished(long id) {
        return jdbc.sql("update portal_article set status = 'PUBLISHED' where id = ? and status = 'SCHEDULED'")
                .param(id).update() == 1;
    }

    public long insert(Article a) {
        var keys = new GeneratedKeyHolder();
        var now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into portal_article (kind, title, slug, summary, body, status, published_at, category, parent_id,
                    position, neighbourhood_id, cover_file_id, cover_alt, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.kind().name(), a.title(), a.slug(), a.summary(), a.body(), a.status().name(),
                        utc(a.publishedAt()), a.category() == null ? null : a.category().name(), a.parentId(),
                        a.position(), a.neighbourhoodId(), a.coverFileId(), a.coverAlt(), now, now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void update(Article a) {
        jdbc.sql("""
                update portal_article set title = ?, slug = ?, summary = ?, body = ?, status = ?, published_at = ?,
                    category = ?, parent_id = ?, position = ?, neighbourhood_id = ?, cover_file_id = ?, cover_alt = ?,
                    updated_at = ?
                where id = ?""")
                .params(a.title(), a.slug(), a.summary(), a.body(), a.status().name(), utc(a.publishedAt()),
                        a.category() == null ? null : a.category().name(), a.parentId(), a.position(),
                        a.neighbourhoodId(), a.coverFileId(), a.coverAlt(), OffsetDateTime.now(clock), a.id())
                .update();
    }

    public void delete(long id) {
        jdbc.sql("update portal_article set parent_id = null where parent_id = ?").param(id).update();
        jdbc.sql("delete from portal_article where id = ?").param(id).update();
    }

    /** The ids of a page and of every page under it: a page cannot be moved under itself or its children. */
    public List<Long> findPageAndDescendants(long pageId) {
        var all = jdbc.sql("select id, parent_id from portal_article where kind = 'PAGE'")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getObject(2) == null ? -1 : rs.getLong(2)}).list();
        var found = new ArrayList<Long>(List.of(pageId));
        for (int i = 0; i < found.size(); i++) {
            long current = found.get(i);
            all.stream().filter(pair -> pair[1] == current).forEach(pair -> found.add(pair[0]));
        }
        return found;
    }

    // revisions

    public int addRevision(long articleId, String title, String summary, String body, Long authorId, String authorName) {
        int number = jdbc.sql("select coalesce(max(number), 0) + 1 from portal_article_revision where article_id = ?")
                .param(articleId).query(Integer.class).single();
        jdbc.sql("""
                insert into portal_article_revision (article_id, number, title, summary, body, author_id, author_name,
                    created_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(articleId, number, title, summary, body, authorId, authorName, OffsetDateTime.now(clock))
                .update();
        return number;
    }

    public List<Revision> findRevisions(long articleId) {
        return jdbc.sql("select * from portal_article_revision where article_id = ? order by number desc")
                .param(articleId).query(ArticleRepository::revision).list();
    }

    public Optional<Revision> findRevision(long articleId, int number) {
        return jdbc.sql("select * from portal_article_revision where article_id = ? and number = ?")
                .params(articleId, number).query(ArticleRepository::revision).optional();
    }

    public long countRevisionsBy(long accountId) {
        return jdbc.sql("select count(*) from portal_article_revision where author_id = ?").param(accountId)
                .query(Long.class).single();
    }

    /** The revisions an erased account wrote stay (they are the commune's record) but no longer name the person. */
    public void anonymiseAuthor(long accountId, String label) {
        jdbc.sql("update portal_article_revision set author_id = null, author_name = ? where author_id = ?")
                .params(label, accountId).update();
    }

    // files

    public void addFile(long articleId, UUID fileId, String filename) {
        jdbc.sql("insert into portal_article_file (article_id, file_id, filename, created_at) values (?, ?, ?, ?)")
                .params(articleId, fileId, filename, OffsetDateTime.now(clock)).update();
    }

    public List<ArticleFile> findFiles(long articleId) {
        return jdbc.sql("select file_id, filename from portal_article_file where article_id = ? order by id")
                .param(articleId).query((rs, n) -> new ArticleFile(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    public record ArticleFile(UUID fileId, String filename) {

        public boolean isPdf() {
            return filename.endsWith(".pdf");
        }
    }

    /** The public news listing's optional filters. */
    public record NewsFilter(NewsCategory category, Long neighbourhoodId) {

        public static NewsFilter none() {
            return new NewsFilter(null, null);
        }

        String where() {
            return (category == null ? "" : " and category = :category ")
                    + (neighbourhoodId == null ? "" : " and neighbourhood_id = :neighbourhood ");
        }

        java.util.Map<String, Object> params() {
            var params = new java.util.HashMap<String, Object>();
            if (category != null) {
                params.put("category", category.name());
            }
            if (neighbourhoodId != null) {
                params.put("neighbourhood", neighbourhoodId);
            }
            return params;
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Article row(ResultSet rs, int n) throws SQLException {
        String category = rs.getString("category");
        return new Article(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getString("title"),
                rs.getString("slug"), rs.getString("summary"), rs.getString("body"), Status.valueOf(rs.getString("status")),
                instant(rs, "published_at"), category == null ? null : NewsCategory.valueOf(category),
                rs.getObject("parent_id", Long.class), rs.getInt("position"), rs.getObject("neighbourhood_id", Long.class),
                rs.getObject("cover_file_id", UUID.class), rs.getString("cover_alt"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Revision revision(ResultSet rs, int n) throws SQLException {
        return new Revision(rs.getLong("article_id"), rs.getInt("number"), rs.getString("title"), rs.getString("summary"),
                rs.getString("body"), rs.getObject("author_id", Long.class), rs.getString("author_name"),
                instant(rs, "created_at"));
    }
}
