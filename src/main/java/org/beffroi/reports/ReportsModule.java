package org.beffroi.reports;

import static org.beffroi.platform.Role.ADMINISTRATOR;
import static org.beffroi.platform.Role.AGENT;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.DataSubject;
import org.beffroi.platform.HomeBlock;
import org.beffroi.platform.MenuEntry;
import org.beffroi.platform.Permission;
import org.beffroi.platform.ServiceModule;
import org.beffroi.reports.internal.DemoReports;
import org.beffroi.reports.internal.NeighbourhoodReports;
import org.beffroi.reports.internal.ReportPersonalData;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * The reports' descriptor: « Signaler un problème » in the public menu, the agents' inbox and the administrator's
 * categories in the back office, the reports a person filed or follows in the GDPR export and erasure, their
 * retention, the demo commune's routing.
 */
@Component
@RequiredArgsConstructor
public class ReportsModule implements ServiceModule {

    public static final Permission HANDLE = Permission.of(HandleReports.AUTHORITY, AGENT, ADMINISTRATOR);
    public static final Permission CATEGORIES = Permission.of(ManageCategories.AUTHORITY, ADMINISTRATOR);

    private final ReportPersonalData personalData;
    private final DemoReports demo;
    private final NeighbourhoodReports neighbourhoodReports;

    @Override
    public String id() {
        return "reports";
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public List<Permission> permissions() {
        return List.of(HANDLE, CATEGORIES);
    }

    @Override
    public List<MenuEntry> publicMenu() {
        return List.of(MenuEntry.open("nav.reports", "/signalements", 48));
    }

    @Override
    public List<MenuEntry> adminMenu() {
        return List.of(MenuEntry.restricted("admin.menu.reports", "/admin/signalements", HANDLE, 46),
                MenuEntry.restricted("admin.menu.reports.categories", "/admin/signalements/categories", CATEGORIES, 47));
    }

    /** The neighbourhood's open reports and those fixed in the last 30 days, on its page. */
    @Override
    public List<HomeBlock> neighbourhoodBlocks(long neighbourhoodId) {
        return List.of(new HomeBlock("reports/neighbourhood-block", neighbourhoodReports.of(neighbourhoodId), 30));
    }

    /** The reports the person filed (their text, status, and the contact they gave) and those they follow. */
    @Override
    public Map<String, Object> exportPersonalData(DataSubject subject) {
        return personalData.export(subject);
    }

    /** The reports stay (the problem is public); who filed or follows them is removed. */
    @Override
    public void erasePersonalData(DataSubject subject) {
        personalData.erase(subject);
    }

    @Override
    public void applyRetention() {
        personalData.applyRetention();
    }

    @Override
    public void seedDemoData() {
        demo.seed();
    }

    /** On a controller or a handler: only for those granted {@link #HANDLE}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + HandleReports.AUTHORITY + "')")
    public @interface HandleReports {
        String AUTHORITY = "reports:handle";
    }

    /** On a controller or a handler: only for those granted {@link #CATEGORIES}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + ManageCategories.AUTHORITY + "')")
    public @interface ManageCategories {
        String AUTHORITY = "reports:categories";
    }
}
