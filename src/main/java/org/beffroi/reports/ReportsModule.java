package org.beffroi.reports;

import static org.beffroi.platform.Role.ADMINISTRATOR;
import static org.beffroi.platform.Role.AGENT;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.DataSubject;
import org.beffroi.platform.HomeBlock;
import org.beffroi.platform.MenuEntry;
import org.beffroi.platform.Permission;
import org.beffroi.platform.ServiceModule;
import org.beffroi.reports.contact.internal.ContactDesk;
import org.beffroi.reports.contact.internal.ContactPersonalData;
import org.beffroi.reports.contact.internal.DemoContact;
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
    public static final Permission CONTACT = Permission.of(HandleContact.AUTHORITY, AGENT, ADMINISTRATOR);

    private final ReportPersonalData personalData;
    private final DemoReports demo;
    private final ContactPersonalData contactData;
    private final ContactDesk contact;
    private final DemoContact contactDemo;
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
        return List.of(HANDLE, CATEGORIES, CONTACT);
    }

    @Override
    public List<MenuEntry> publicMenu() {
        return List.of(MenuEntry.open("nav.reports", "/signalements", 48), MenuEntry.open("nav.contact", "/contact", 49));
    }

    @Override
    public List<MenuEntry> adminMenu() {
        return List.of(MenuEntry.restricted("admin.menu.reports", "/admin/signalements", HANDLE, 46),
                MenuEntry.restricted("admin.menu.reports.categories", "/admin/signalements/categories", CATEGORIES, 47),
                MenuEntry.restricted("admin.menu.contact", "/admin/contact", CONTACT, 48),
                MenuEntry.restricted("admin.menu.contact.topics", "/admin/contact/sujets", CATEGORIES, 49),
                MenuEntry.restricted("admin.menu.reports.api", "/admin/signalements/api", CATEGORIES, 50));
    }

    /** Open311 clients post reports with their key, not a CSRF token. */
    @Override
    public List<String> pathsWithoutCsrf() {
        return List.of("/open311/v2/requests.json", "/open311/v2/requests.xml");
    }

    /** The neighbourhood's open reports and those fixed in the last 30 days, on its page. */
    @Override
    public List<HomeBlock> neighbourhoodBlocks(long neighbourhoodId) {
        return List.of(new HomeBlock("reports/neighbourhood-block", neighbourhoodReports.of(neighbourhoodId), 30));
    }

    /** The reports the person filed (their text, status, and the contact they gave) and those they follow. */
    @Override
    public Map<String, Object> exportPersonalData(DataSubject subject) {
        var data = new LinkedHashMap<String, Object>(personalData.export(subject));
        data.putAll(contactData.export(subject));
        return data;
    }

    /** The reports stay (the problem is public); who filed or follows them is removed. */
    @Override
    public void erasePersonalData(DataSubject subject) {
        personalData.erase(subject);
        contactData.erase(subject);
    }

    /** The person's threads with the town hall, under « Mon compte ». */
    @Override
    public List<HomeBlock> accountBlocks(DataSubject subject) {
        return List.of(new HomeBlock("reports/contact/account-block", Map.of("threads", contact.ofAccount(
                subject.accountId())), 40));
    }

    @Override
    public void applyRetention() {
        personalData.applyRetention();
        contactData.applyRetention();
    }

    @Override
    public void seedDemoData() {
        demo.seed();
        contactDemo.seed();
    }

    /** On a controller or a handler: only for those granted {@link #HANDLE}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + HandleReports.AUTHORITY + "')")
    public @interface HandleReports {
        String AUTHORITY = "reports:handle";
    }

    /** On a controller or a handler: only for those granted {@link #CONTACT}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + HandleContact.AUTHORITY + "')")
    public @interface HandleContact {
        String AUTHORITY = "reports:contact";
    }

    /** On a controller or a handler: only for those granted {@link #CATEGORIES}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + ManageCategories.AUTHORITY + "')")
    public @interface ManageCategories {
        String AUTHORITY = "reports:categories";
    }
}
