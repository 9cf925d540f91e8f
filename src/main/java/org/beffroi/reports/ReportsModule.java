package org.beffroi.reports;

import static org.beffroi.platform.Role.ADMINISTRATOR;
import static org.beffroi.platform.Role.AGENT;
import static org.beffroi.platform.Role.ELECTED;
import static org.beffroi.platform.Role.MODERATOR;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.DataSubject;
import org.beffroi.platform.HomeBlock;
import org.beffroi.platform.MenuEntry;
import org.beffroi.platform.Permission;
import org.beffroi.platform.SearchDocument;
import org.beffroi.platform.ServiceModule;
import org.beffroi.reports.contact.internal.ContactDesk;
import org.beffroi.reports.contact.internal.ContactPersonalData;
import org.beffroi.reports.contact.internal.DemoContact;
import org.beffroi.reports.internal.DemoReports;
import org.beffroi.reports.questions.internal.DemoQuestions;
import org.beffroi.reports.questions.internal.QuestionDesk;
import org.beffroi.reports.questions.internal.QuestionSearch;
import org.beffroi.reports.questions.internal.QuestionPersonalData;
import org.beffroi.reports.internal.NeighbourhoodReports;
import org.beffroi.reports.internal.ReportBlocks;
import org.beffroi.reports.internal.ReportPersonalData;
import org.beffroi.reports.internal.ReportSearch;
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
    public static final Permission MODERATE_QUESTIONS = Permission.of(ModerateQuestions.AUTHORITY, MODERATOR,
            ADMINISTRATOR);
    public static final Permission ANSWER_QUESTIONS = Permission.of(AnswerQuestions.AUTHORITY, ELECTED);

    static final int QUESTIONS_IN_ACCOUNT = 20;

    private final ReportPersonalData personalData;
    private final DemoReports demo;
    private final ContactPersonalData contactData;
    private final ContactDesk contact;
    private final DemoContact contactDemo;
    private final NeighbourhoodReports neighbourhoodReports;
    private final ReportBlocks blocks;
    private final ReportSearch search;
    private final QuestionPersonalData questionData;
    private final DemoQuestions questionDemo;
    private final QuestionDesk questions;
    private final QuestionSearch questionSearch;

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
        return List.of(HANDLE, CATEGORIES, CONTACT, MODERATE_QUESTIONS, ANSWER_QUESTIONS);
    }

    @Override
    public List<MenuEntry> publicMenu() {
        return List.of(MenuEntry.open("nav.reports", "/signalements", 48), MenuEntry.open("nav.contact", "/contact", 49),
                MenuEntry.open("nav.questions", "/questions-aux-elus", 50));
    }

    @Override
    public List<MenuEntry> adminMenu() {
        return List.of(MenuEntry.restricted("admin.menu.reports", "/admin/signalements", HANDLE, 46),
                MenuEntry.restricted("admin.menu.reports.categories", "/admin/signalements/categories", CATEGORIES, 47),
                MenuEntry.restricted("admin.menu.contact", "/admin/contact", CONTACT, 48),
                MenuEntry.restricted("admin.menu.contact.topics", "/admin/contact/sujets", CATEGORIES, 49),
                MenuEntry.restricted("admin.menu.reports.api", "/admin/signalements/api", CATEGORIES, 50),
                MenuEntry.restricted("admin.menu.questions.moderation", "/admin/questions-aux-elus/moderation",
                        MODERATE_QUESTIONS, 51),
                MenuEntry.restricted("admin.menu.questions", "/admin/questions-aux-elus", ANSWER_QUESTIONS, 52));
    }

    /** Open311 clients post reports with their key, not a CSRF token. */
    @Override
    public List<String> pathsWithoutCsrf() {
        return List.of("/open311/v2/requests.json", "/open311/v2/requests.xml");
    }

    /** How many reports are open, how many were fixed lately and the last ones fixed, with the map's link. */
    @Override
    public List<HomeBlock> homeBlocks() {
        return List.of(new HomeBlock("reports/home-block", blocks.home(), 40));
    }

    /** The neighbourhood's open reports and those fixed in the last 30 days, on its page. */
    @Override
    public List<HomeBlock> neighbourhoodBlocks(long neighbourhoodId) {
        return List.of(new HomeBlock("reports/neighbourhood-block", neighbourhoodReports.of(neighbourhoodId), 30));
    }

    /** The reports the person filed (their text, status, and the contact they gave) and those they follow, their
     * threads with the town hall, their questions to elected officials. */
    @Override
    public Map<String, Object> exportPersonalData(DataSubject subject) {
        var data = new LinkedHashMap<String, Object>(personalData.export(subject));
        data.putAll(contactData.export(subject));
        data.putAll(questionData.export(subject));
        return data;
    }

    /** The reports and the published questions stay (a public matter); who filed, follows or asked them is removed. */
    @Override
    public void erasePersonalData(DataSubject subject) {
        personalData.erase(subject);
        contactData.erase(subject);
        questionData.erase(subject);
    }

    /**
     * The reports the person filed or follows with their status, their threads with the town hall, and the
     * {@value #QUESTIONS_IN_ACCOUNT} latest questions they asked elected officials with where each stands.
     */
    @Override
    public List<HomeBlock> accountBlocks(DataSubject subject) {
        return List.of(new HomeBlock("reports/account-block", blocks.account(subject), 39),
                new HomeBlock("reports/contact/account-block", Map.of("threads", contact.ofAccount(
                        subject.accountId())), 40),
                new HomeBlock("reports/questions/account-block", Map.of("questions",
                        questions.askedBy(subject, QUESTIONS_IN_ACCOUNT)), 41));
    }

    /**
     * The public reports, found by their category, street, description and public messages; the published questions
     * to elected officials, by their subject, text and answer.
     */
    @Override
    public Stream<SearchDocument> searchDocuments() {
        return Stream.concat(search.searchDocuments(), questionSearch.searchDocuments());
    }

    @Override
    public void applyRetention() {
        personalData.applyRetention();
        contactData.applyRetention();
        questionData.applyRetention();
    }

    @Override
    public void seedDemoData() {
        demo.seed();
        contactDemo.seed();
        questionDemo.seed();
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

    /** On a controller or a handler: only for those granted {@link #MODERATE_QUESTIONS}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + ModerateQuestions.AUTHORITY + "')")
    public @interface ModerateQuestions {
        String AUTHORITY = "reports:moderate-questions";
    }

    /** On a controller or a handler: only for those granted {@link #ANSWER_QUESTIONS}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + AnswerQuestions.AUTHORITY + "')")
    public @interface AnswerQuestions {
        String AUTHORITY = "reports:answer-questions";
    }

    /** On a controller or a handler: only for those granted {@link #CATEGORIES}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAuthority('" + ManageCategories.AUTHORITY + "')")
    public @interface ManageCategories {
        String AUTHORITY = "reports:categories";
    }
}
