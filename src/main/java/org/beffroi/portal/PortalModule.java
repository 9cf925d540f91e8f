package org.beffroi.portal;

import static org.beffroi.platform.Role.ADMINISTRATOR;
import static org.beffroi.platform.Role.AGENT;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.beffroi.platform.DataSubject;
import org.beffroi.platform.HomeBlock;
import org.beffroi.platform.MenuEntry;
import org.beffroi.platform.Permission;
import org.beffroi.platform.SearchDocument;
import org.beffroi.platform.ServiceModule;
import org.beffroi.portal.internal.ArticleDesk;
import org.beffroi.portal.internal.ArticleRepository;
import org.beffroi.portal.internal.ArticleRepository.NewsFilter;
import org.beffroi.portal.internal.CouncilDesk;
import org.beffroi.portal.internal.CouncilRepository;
import org.beffroi.portal.internal.DemoContent;
import org.beffroi.portal.internal.GuideDesk;
import org.beffroi.portal.internal.GuideRepository;
import org.beffroi.portal.internal.MediaDesk;
import org.beffroi.portal.internal.NeighbourhoodDesk;
import org.beffroi.portal.internal.NeighbourhoodRepository;
import org.beffroi.portal.internal.QuickLinks;
import org.beffroi.portal.internal.PublicArticles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/** The portal's menus, permissions, home and neighbourhood blocks, search documents and demo content. */
@Component
public class PortalModule implements ServiceModule {

    public static final Permission MANAGE_NEIGHBOURHOODS = Permission.of(ManageNeighbourhoods.AUTHORITY, ADMINISTRATOR);
    public static final Permission MANAGE_CONTENT = Permission.of(ManageContent.AUTHORITY, AGENT, ADMINISTRATOR);
    public static final Permission COMPOSE_HOME = Permission.of(ComposeHome.AUTHORITY, ADMINISTRATOR);
    public static final Permission MANAGE_COUNCIL = Permission.of(ManageCouncil.AUTHORITY, AGENT, ADMINISTRATOR);

    private final ArticleRepository articles;
    private final CouncilRepository council;
    private final GuideRepository guides;
    private final NeighbourhoodDesk neighbourhoodDesk;
    private final GuideDesk guideDesk;
    private final MediaDesk mediaDesk;
    private final QuickLinks quickLinks;
    private final NeighbourhoodRepository neighbourhoods;
    private final DemoContent demoContent;
    private final PublicArticles publicArticles;
    private final Clock clock;

    PortalModule(ArticleRepository articles, CouncilRepository council, GuideRepository guides,
            NeighbourhoodDesk neighbourhoodDesk, GuideDesk guideDesk, MediaDesk mediaDesk, QuickLinks quickLinks,
            NeighbourhoodRepository neighbourhoods, DemoContent demoContent, PublicArticles publicArticles,
            Clock clock) {
        this.neighbourhoods = neighbourhoods;
        this.guides = guides;
        this.neighbourhoodDesk = neighbourhoodDesk;
        this.guideDesk = guideDesk;
        this.mediaDesk = mediaDesk;
        this.quickLinks = quickLinks;
        this.articles = articles;
        this.council = council;
        this.demoContent = demoContent;
        this.publicArticles = publicArticles;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "portal";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<Permission> permissions() {
        return List.of(MANAGE_NEIGHBOURHOODS, MANAGE_CONTENT, MANAGE_COUNCIL, COMPOSE_HOME);
    }

    @Override
    public List<MenuEntry> publicMenu() {
        return List.of(MenuEntry.open("nav.home", "/", 0), MenuEntry.open("nav.news", "/actualites", 10),
                MenuEntry.open("nav.council", "/conseil", 30), MenuEntry.open("nav.pages", "/pages", 40),
                MenuEntry.open("nav.media", "/photos-videos", 45), MenuEntry.open("nav.neighbourhoods", "/quartiers", 50));
    }

    @Override
    public List<MenuEntry> adminMenu() {
        return List.of(MenuEntry.restricted("admin.menu.news", "/admin/actualites", MANAGE_CONTENT, 10),
                MenuEntry.restricted("admin.menu.pages", "/admin/pages", MANAGE_CONTENT, 20),
                MenuEntry.restricted("admin.menu.council", "/admin/conseil", MANAGE_COUNCIL, 30),
                MenuEntry.restricted("admin.menu.guides", "/admin/guides", MANAGE_CONTENT, 35),
                MenuEntry.restricted("admin.menu.media", "/admin/photos-videos", MANAGE_CONTENT, 36),
                MenuEntry.restricted("admin.menu.home", "/admin/accueil", COMPOSE_HOME, 38),
                MenuEntry.restricted("admin.menu.neighbourhoods", "/admin/quartiers", MANAGE_NEIGHBOURHOODS, 40));
    }

    /**
     * The pages visitors read most, kept rendered (ADR 0020): what they show is cleared with the portal's
     * own caches, the agenda's events by {@code PublicContentChanged}, the alerts' banner by the alerts.
     */
    @Override
    public List<String> pagesForVisitors() {
        return List.of("/", "/actualites", "/actualites/{slug}", "/pages", "/pages/{slug}");
    }

    /** The quick links, the latest news, the guides, the town hall's contact and the neighbourhoods on the home page. */
    @Override
    public List<HomeBlock> homeBlocks() {
        return List.of(new HomeBlock("portal/quick-links", Map.of("links", quickLinks.all()), 1),
                new HomeBlock("portal/news-block", Map.of("news", publicArticles.latestNews(3)), 5),
                new HomeBlock("portal/guides-block", Map.of("guides", guides.allPublished()), 15),
                new HomeBlock("portal/contact-block", Map.of(), 20),
                new HomeBlock("portal/neighbourhoods-block", Map.of("neighbourhoods", neighbourhoods.all()), 25));
    }

    @Override
    public List<HomeBlock> neighbourhoodBlocks(long neighbourhoodId) {
        return List.of(new HomeBlock("portal/news-block",
                Map.of("news", articles.findPublicNews(new NewsFilter(null, neighbourhoodId), clock.instant(), 0, 5)), 10));
    }

    @Override
    public Map<String, Object> exportPersonalData(DataSubject subject) {
        long revisions = articles.countRevisionsBy(subject.accountId());
        return revisions == 0 ? Map.of() : Map.of("articleRevisionsWritten", revisions);
    }

    @Override
    public void erasePersonalData(DataSubject subject) {
        articles.anonymiseAuthor(subject.accountId(), "Compte supprimé");
    }

    /** Every public page of the portal: neighbourhoods, pages and news, council meetings, guides, media. */
    @Override
    public Stream<SearchDocument> searchDocuments() {
        return Stream.of(neighbourhoodDesk.searchDocuments(),
                articles.allPublic(clock.instant()).stream().map(ArticleDesk::searchDocument),
                council.all().stream().map(CouncilDesk::searchDocument), guideDesk.searchDocuments(),
                mediaDesk.searchDocuments()).flatMap(s -> s);
    }

    @Override
    public void seedDemoData() {
        demoContent.seed();
    }

    /** On a controller or a handler: only for those granted {@link #MANAGE_NEIGHBOURHOODS}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + ManageNeighbourhoods.AUTHORITY + "')")
    public @interface ManageNeighbourhoods {
        String AUTHORITY = "portal:neighbourhoods";
    }

    /** On a controller or a handler: only for those granted {@link #MANAGE_CONTENT}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + ManageContent.AUTHORITY + "')")
    public @interface ManageContent {
        String AUTHORITY = "portal:content";
    }

    /** On a controller or a handler: only for those granted {@link #COMPOSE_HOME}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + ComposeHome.AUTHORITY + "')")
    public @interface ComposeHome {
        String AUTHORITY = "portal:home";
    }

    /** On a controller or a handler: only for those granted {@link #MANAGE_COUNCIL}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + ManageCouncil.AUTHORITY + "')")
    public @interface ManageCouncil {
        String AUTHORITY = "portal:council";
    }
}
