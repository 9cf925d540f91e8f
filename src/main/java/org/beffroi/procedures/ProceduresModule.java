package org.beffroi.procedures;

import static org.beffroi.platform.Role.ADMINISTRATOR;
import static org.beffroi.platform.Role.AGENT;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.HomeBlock;
import org.beffroi.platform.MenuEntry;
import org.beffroi.platform.Permission;
import org.beffroi.platform.SearchDocument;
import org.beffroi.platform.ServiceModule;
import org.beffroi.platform.DataSubject;
import org.beffroi.procedures.definition.StatusDefinition;
import org.beffroi.procedures.internal.CaseDesk;
import org.beffroi.procedures.internal.CaseStore;
import org.beffroi.procedures.internal.DemoProcedures;
import org.beffroi.procedures.internal.DraftDesk;
import org.beffroi.procedures.internal.ProcedureCatalogue;
import org.beffroi.procedures.internal.ProcedureStore;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * The procedures' menus and permissions: agents handle the cases of their services; administrators build, import
 * and publish procedures and see every case.
 */
@Component
@RequiredArgsConstructor
public class ProceduresModule implements ServiceModule {

    public static final Permission HANDLE_CASES = Permission.of(HandleCases.AUTHORITY, AGENT, ADMINISTRATOR);
    public static final Permission MANAGE_PROCEDURES = Permission.of(ManageProcedures.AUTHORITY, ADMINISTRATOR);

    private final ProcedureStore procedures;
    private final DemoProcedures demo;
    private final CaseStore cases;
    private final CaseDesk desk;
    private final DraftDesk drafts;

    @Override
    public String id() {
        return "procedures";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<Permission> permissions() {
        return List.of(HANDLE_CASES, MANAGE_PROCEDURES);
    }

    @Override
    public List<MenuEntry> publicMenu() {
        return List.of(MenuEntry.open("nav.procedures", "/demarches", 15));
    }

    @Override
    public List<MenuEntry> adminMenu() {
        return List.of(MenuEntry.restricted("admin.menu.cases", "/admin/dossiers", HANDLE_CASES, 20),
                MenuEntry.restricted("admin.menu.procedures", "/admin/demarches", MANAGE_PROCEDURES, 21));
    }

    /** The person's cases (number, procedure, status, answers, history shown to them) and drafts. */
    /** A draft on the person's account page: its procedure and where to resume it. */
    public record AccountDraft(String title, String resume) {
    }

    /** A recent case on the person's account page. */
    public record AccountCase(long id, String number, String title, String status) {
    }

    /** The person's drafts to resume and their three latest cases, on "Mon compte". */
    @Override
    public List<HomeBlock> accountBlocks(DataSubject subject) {
        var ownDrafts = drafts.ofAccount(subject.accountId()).stream().filter(d -> !d.atTheCounter())
                .flatMap(d -> procedures.version(d.versionId()).flatMap(v -> procedures.find(v.procedureId())
                        .map(p -> new AccountDraft(v.definition().title(), "/demarches/" + p.slug() + "/brouillons/"
                                + d.id() + "/" + (d.page() + 1)))).stream())
                .toList();
        var recent = cases.allOfResident(subject).stream().limit(3).map(c -> {
            var definition = procedures.version(c.versionId()).orElseThrow().definition();
            return new AccountCase(c.id(), c.number(), definition.title(), definition.workflow()
                    .status(c.visibleStatus()).map(StatusDefinition::label).orElse(c.visibleStatus()));
        }).toList();
        return List.of(new HomeBlock("procedures/public/account-block", Map.of("drafts", ownDrafts, "cases", recent),
                30));
    }

    @Override
    public Map<String, Object> exportPersonalData(DataSubject subject) {
        var filed = cases.allOfResident(subject).stream().map(c -> Map.<String, Object>of("number", c.number(),
                "procedure", procedures.find(c.procedureId()).map(ProcedureStore.Procedure::title).orElse(""),
                "status", c.visibleStatus(), "filedAt", c.filedAt().toString(), "answers", c.data(),
                "history", cases.historyForResident(c.id()).stream()
                        .map(h -> h.occurredAt() + " " + h.kind() + " " + (h.text() == null ? "" : h.text())).toList()))
                .toList();
        var drafts = this.drafts.ofAccount(subject.accountId()).stream()
                .map(d -> Map.<String, Object>of("startedAt", d.createdAt().toString(), "answers", d.data())).toList();
        var export = new LinkedHashMap<String, Object>();
        if (!filed.isEmpty()) {
            export.put("cases", filed);
        }
        if (!drafts.isEmpty()) {
            export.put("drafts", drafts);
        }
        return export;
    }

    /** Empties the person's cases of their data (numbers, dates and statuses stay) and deletes their drafts. */
    @Override
    public void erasePersonalData(DataSubject subject) {
        desk.eraseAllOf(subject);
    }

    @Override
    public void applyRetention() {
        desk.applyRetention();
    }

    @Override
    public Stream<SearchDocument> searchDocuments() {
        return procedures.published().stream().map(ProcedureCatalogue::searchDocument);
    }

    @Override
    public void seedDemoData() {
        demo.seed();
    }

    /** On a controller or a handler: only for those granted {@link #HANDLE_CASES}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + HandleCases.AUTHORITY + "')")
    public @interface HandleCases {
        String AUTHORITY = "procedures:cases";
    }

    /** On a controller or a handler: only for those granted {@link #MANAGE_PROCEDURES}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + ManageProcedures.AUTHORITY + "')")
    public @interface ManageProcedures {
        String AUTHORITY = "procedures:definitions";
    }
}
