package org.beffroi.portal;

import static org.beffroi.platform.Role.ADMINISTRATOR;

import java.util.List;
import java.util.stream.Stream;

import org.beffroi.platform.MenuEntry;
import org.beffroi.platform.Permission;
import org.beffroi.platform.SearchDocument;
import org.beffroi.platform.ServiceModule;
import org.beffroi.portal.internal.NeighbourhoodRepository;
import org.springframework.stereotype.Component;

/** The portal's menus, permissions, search documents and demo neighbourhoods. */
@Component
public class PortalModule implements ServiceModule {

    public static final Permission MANAGE_NEIGHBOURHOODS = Permission.of("portal", "neighbourhoods", ADMINISTRATOR);

    private final NeighbourhoodRepository neighbourhoods;

    PortalModule(NeighbourhoodRepository neighbourhoods) {
        this.neighbourhoods = neighbourhoods;
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
        return List.of(MANAGE_NEIGHBOURHOODS);
    }

    @Override
    public List<MenuEntry> publicMenu() {
        return List.of(MenuEntry.open("nav.home", "/", 0), MenuEntry.open("nav.neighbourhoods", "/quartiers", 50));
    }

    @Override
    public List<MenuEntry> adminMenu() {
        return List.of(MenuEntry.restricted("admin.menu.neighbourhoods", "/admin/quartiers", MANAGE_NEIGHBOURHOODS, 40));
    }

    @Override
    public Stream<SearchDocument> searchDocuments() {
        return neighbourhoods.all().stream().map(n -> new SearchDocument("neighbourhood", Long.toString(n.id()), n.name(),
                n.description() == null ? "" : n.description(), "/quartiers/" + n.slug(), null, n.id()));
    }

    @Override
    public void seedDemoData() {
        if (!neighbourhoods.all().isEmpty()) {
            return;
        }
        neighbourhoods.insert("Centre-bourg",
                "Le cœur historique autour de la halle, de la mairie et de l'église Saint-Martin.",
                square(5.3200, 46.1000));
        neighbourhoods.insert("Les Tilleuls",
                "Quartier résidentiel le long de l'allée des tilleuls, avec l'école et le stade.", square(5.3300, 46.1000));
        neighbourhoods.insert("Le Moulin", "Le hameau du bord de la rivière, ses jardins partagés et l'ancien moulin.",
                square(5.3200, 46.1100));
        neighbourhoods.insert("La Croix-Rousse des Champs", "Fermes et lotissements au nord de la commune.", null);
    }

    private static String square(double lon, double lat) {
        double d = 0.01;
        return """
                {"type":"Polygon","coordinates":[[[%1$s,%2$s],[%3$s,%2$s],[%3$s,%4$s],[%1$s,%4$s],[%1$s,%2$s]]]}"""
                .formatted(lon, lat, lon + d, lat + d).strip();
    }
}
