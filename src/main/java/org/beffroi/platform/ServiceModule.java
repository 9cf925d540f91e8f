package org.beffroi.platform;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a service module tells the platform about itself. The platform discovers every bean
 * implementing it, so adding a module needs no edit elsewhere.
 */
public interface ServiceModule {

    /** Short, stable id: the module's package name ("identity", "portal"). */
    String id();

    /** Smaller runs first: demo data, menus and GDPR sections follow this order. */
    default int order() {
        return 100;
    }

    default List<MenuEntry> publicMenu() {
        return List.of();
    }

    default List<MenuEntry> adminMenu() {
        return List.of();
    }

    default List<Permission> permissions() {
        return List.of();
    }

    /** Blocks for the home page (next events, latest news…), computed at each visit; none by default. */
    default List<HomeBlock> homeBlocks() {
        return List.of();
    }

    /** Blocks for a neighbourhood's page: what this module holds about that neighbourhood; none by default. */
    default List<HomeBlock> neighbourhoodBlocks(long neighbourhoodId) {
        return List.of();
    }

    /**
     * Blocks for the signed-in person's own page ("Mon compte"): what this module holds for them and what they can
     * do about it (their registrations, their subscriptions); drawn by the fragment {@code account-block(block)}.
     * Computed at each visit; none by default.
     */
    default List<HomeBlock> accountBlocks(DataSubject subject) {
        return List.of();
    }

    /**
     * Paths that accept a POST without a CSRF token, because a machine posts to them on a person's behalf
     * (the one-click unsubscribe of RFC 8058, say). Each must be safe to call by anyone holding its token.
     */
    default List<String> pathsWithoutCsrf() {
        return List.of();
    }

    /**
     * Public pages (path patterns such as {@code /actualites/{slug}}) whose HTML may be kept for anonymous
     * visitors (ADR 0020). Whatever such a page shows must clear the kept pages when it changes: a
     * {@link PublicContentChanged}, or a call to {@link RenderedPages#clear()} right after the module clears
     * its own memory of it. None by default.
     */
    default List<String> pagesForVisitors() {
        return List.of();
    }

    /**
     * Everything this module holds about a person, as JSON-ready values (maps, lists, strings, numbers): what is
     * held under their account, and under its verified address when there is one ({@link DataSubject}).
     */
    default Map<String, Object> exportPersonalData(DataSubject subject) {
        return Map.of();
    }

    /**
     * Deletes or anonymises what this module holds about a person, under their account and under its verified
     * address; keeps only what the law requires.
     */
    default void erasePersonalData(DataSubject subject) {
    }

    /** Removes personal data past its retention period. Called daily. */
    default void applyRetention() {
    }

    /** The module's public content, for a full rebuild of the search index. */
    default Stream<SearchDocument> searchDocuments() {
        return Stream.empty();
    }

    /** Adds the demo commune's content, when the demo profile is on. Must do nothing if already there. */
    default void seedDemoData() {
    }
}
