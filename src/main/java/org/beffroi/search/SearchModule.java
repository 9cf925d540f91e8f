package org.beffroi.search;

import static org.beffroi.platform.Role.ADMINISTRATOR;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.MenuEntry;
import org.beffroi.platform.Permission;
import org.beffroi.platform.ServiceModule;
import org.beffroi.search.internal.DemoSynonyms;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * The search's permission, its back-office page and its demo synonyms; it holds no personal data and offers no content
 * of its own.
 */
@Component
@RequiredArgsConstructor
public class SearchModule implements ServiceModule {

    private final DemoSynonyms demoSynonyms;

    public static final Permission MANAGE_INDEX = Permission.of(ManageIndex.AUTHORITY, ADMINISTRATOR);

    @Override
    public String id() {
        return "search";
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public List<Permission> permissions() {
        return List.of(MANAGE_INDEX);
    }

    @Override
    public List<MenuEntry> adminMenu() {
        return List.of(MenuEntry.restricted("admin.menu.search", "/admin/recherche", MANAGE_INDEX, 85));
    }

    @Override
    public void seedDemoData() {
        demoSynonyms.seed();
    }

    /** On a controller or a handler: only for those granted {@link #MANAGE_INDEX}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + ManageIndex.AUTHORITY + "')")
    public @interface ManageIndex {
        String AUTHORITY = "search:index";
    }
}
