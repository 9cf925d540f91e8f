package org.beffroi.search;

import static org.beffroi.platform.Role.ADMINISTRATOR;

import java.util.List;

import org.beffroi.platform.MenuEntry;
import org.beffroi.platform.Permission;
import org.beffroi.platform.ServiceModule;
import org.springframework.stereotype.Component;

/** The search's permission and its back-office page; it holds no personal data and offers no content of its own. */
@Component
public class SearchModule implements ServiceModule {

    public static final Permission MANAGE_INDEX = Permission.of("search", "index", ADMINISTRATOR);

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
}
