package org.beffroi.procedures.admin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.AccountSummary;
import org.beffroi.identity.Accounts;
import org.beffroi.identity.AgentService;
import org.beffroi.procedures.definition.Button;
import org.beffroi.procedures.definition.Choice;
import org.beffroi.procedures.definition.FieldDefinition;
import org.beffroi.procedures.definition.FieldType;
import org.beffroi.procedures.definition.ProcedureDefinition;
import org.beffroi.procedures.definition.StatusDefinition;
import org.beffroi.procedures.internal.CaseRecord;
import org.beffroi.procedures.internal.CaseStore;
import org.beffroi.procedures.internal.HistoryEntry;
import org.beffroi.procedures.internal.HistoryKind;
import org.beffroi.procedures.internal.ProcedureStore;
import org.beffroi.procedures.internal.ProcedureStore.Version;
import org.beffroi.procedures.internal.Question;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The back office's views of cases, in words: each case read through the version of the definition it was filed
 * under (its statuses' and fields' labels, its buttons), names of services and agents instead of their ids.
 */
@Component
@RequiredArgsConstructor
class OfficeCaseViews {

    /** A checkbox ticked, as the resident's form keeps it. */
    static final String TICKED = "oui";

    private final ProcedureStore procedures;
    private final CaseStore cases;
    private final Accounts accounts;
    private final MessageSource messages;
    private final Clock clock;

    /** A line of the inbox. */
    record Line(CaseRecord record, String procedure, String status, boolean internal, boolean overdue,
            String service, String agent) {
    }

    /** One answer of the case, labelled by its version; a repeatable block's rows are lists of answers. */
    record Answer(FieldDefinition field, String text, List<List<Answer>> rows, boolean editable, List<String> values,
            int files) {

        public boolean file() {
            return field.type() == FieldType.FILE;
        }

        public boolean block() {
            return field.type() == FieldType.REPEATABLE;
        }

        /** The value in the edit form: the first value, or nothing. */
        public String value() {
            return values.isEmpty() ? "" : values.getFirst();
        }
    }

    /** A line of the history, in words. */
    record Event(HistoryEntry entry, String kindKey, String actor, String what, String before, String after) {
    }

    /** The whole case page. */
    record Page(CaseRecord record, String procedure, int versionNumber, String status, String visibleStatus,
            boolean internal, boolean overdue, String service, String agent, String filedByAgent,
            List<Answer> answers, List<Event> history, List<Button> buttons, List<Question> questions) {
    }

    /** The definitions of the versions met, read once per request. */
    final class Versions {
        private final Map<Long, Optional<Version>> read = new HashMap<>();

        Optional<Version> of(long versionId) {
            return read.computeIfAbsent(versionId, procedures::version);
        }
    }

    Versions versions() {
        return new Versions();
    }

    List<Line> lines(List<CaseRecord> records) {
        var versions = versions();
        var services = serviceNames();
        var agents = new HashMap<Long, String>();
        var now = clock.instant();
        return records.stream().map(c -> {
            var definition = versions.of(c.versionId()).map(Version::definition);
            var status = definition.flatMap(d -> d.workflow().status(c.status()));
            return new Line(c, definition.map(ProcedureDefinition::title).orElse(""),
                    status.map(StatusDefinition::label).orElse(c.status()),
                    status.map(s -> !s.visible()).orElse(false), c.overdue(now), serviceName(services, c.serviceId()),
                    c.agentId() == null ? null : agents.computeIfAbsent(c.agentId(), this::accountName));
        }).toList();
    }

    Page page(CaseRecord c, Locale locale) {
        var version = procedures.version(c.versionId()).orElseThrow();
        var definition = version.definition();
        var status = definition.workflow().status(c.status());
        var services = serviceNames();
        var answers = new ArrayList<Answer>();
        var files = cases.attachmentCounts(c.id());
        definition.pages().forEach(p -> p.fields().stream().filter(f -> f.type() != null && f.type().takesAnswer())
                .forEach(f -> answers.add(answer(f, c.data().get(f.key()), c.anonymisedAt() == null, locale,
                        files.getOrDefault(f.key(), 0)))));
        var history = cases.history(c.id()).stream().map(e -> event(e, definition, services)).toList();
        return new Page(c, definition.title(), version.number(), status.map(StatusDefinition::label).orElse(c.status()),
                definition.workflow().status(c.visibleStatus()).map(StatusDefinition::label).orElse(c.visibleStatus()),
                status.map(s -> !s.visible()).orElse(false), c.overdue(clock.instant()),
                serviceName(services, c.serviceId()), c.agentId() == null ? null : accountName(c.agentId()),
                c.filedByAgentId() == null ? null : accountName(c.filedByAgentId()), answers, history,
                c.anonymisedAt() == null ? status.map(StatusDefinition::buttons).orElse(List.of()) : List.of(),
                cases.questions(c.id()));
    }

    /** The services, each with the agents it holds: the choices of the assignment form. */
    record ServiceAgents(AgentService service, List<AccountSummary> agents) {
    }

    List<ServiceAgents> serviceAgents() {
        return accounts.services().stream().map(s -> new ServiceAgents(s, accounts.agentsOf(s.id()))).toList();
    }

    private Answer answer(FieldDefinition field, Object value, boolean editable, Locale locale, int files) {
        if (field.type() == FieldType.REPEATABLE) {
            var rows = new ArrayList<List<Answer>>();
            if (value instanceof List<?> list) {
                for (Object row : list) {
                    Map<?, ?> map = row instanceof Map<?, ?> m ? m : Map.of();
                    rows.add(field.fields().stream().filter(f -> f.type() != null && f.type().takesAnswer())
                            .map(f -> answer(f, map.get(f.key()), false, locale, 0)).toList());
                }
            }
            return new Answer(field, null, rows, false, List.of(), 0);
        }
        var values = values(value);
        return new Answer(field, text(field, values, locale), List.of(),
                editable && field.type() != FieldType.FILE, values, files);
    }

    static List<String> values(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().filter(Objects::nonNull).map(String::valueOf).toList();
        }
        String text = String.valueOf(value);
        return text.isBlank() ? List.of() : List.of(text);
    }

    private String text(FieldDefinition field, List<String> values, Locale locale) {
        if (values.isEmpty()) {
            return null;
        }
        return switch (field.type()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> String.join(", ", values.stream().map(v -> choiceLabel(field, v))
                    .toList());
            case CHECKBOX -> messages.getMessage(TICKED.equals(values.getFirst()) || "true".equals(values.getFirst())
                    ? "procedures.office.yes" : "procedures.office.no", null, locale);
            default -> String.join(", ", values);
        };
    }

    private static String choiceLabel(FieldDefinition field, String value) {
        return field.choices().stream().filter(c -> c.value().equals(value)).map(Choice::label).findFirst()
                .orElse(value);
    }

    private Event event(HistoryEntry e, ProcedureDefinition definition, Map<Long, String> services) {
        String what = e.text();
        String before = e.before();
        String after = e.after();
        if (e.kind() == HistoryKind.STATUS) {
            before = Objects.equals(before, after) ? null : statusLabel(definition, before);
            after = statusLabel(definition, after);
        } else if (e.kind() == HistoryKind.ASSIGNED) {
            before = assignment(before, services);
            after = assignment(after, services);
        } else if (e.kind() == HistoryKind.DATA_EDIT && what != null) {
            what = definition.field(what).map(FieldDefinition::label).orElse(what);
        }
        return new Event(e, e.kind().messageKey(), e.actorLabel(), what, before, after);
    }

    private static String statusLabel(ProcedureDefinition definition, String id) {
        return id == null ? null : definition.workflow().status(id).map(StatusDefinition::label).orElse(id);
    }

    /** "service:3 agent:12", as the history keeps an assignment, in names. */
    private String assignment(String kept, Map<Long, String> services) {
        if (kept == null) {
            return null;
        }
        var words = new ArrayList<String>();
        for (String part : kept.split(" ")) {
            String[] pair = part.split(":", 2);
            if (pair.length < 2 || pair[1].equals("null")) {
                continue;
            }
            try {
                long id = Long.parseLong(pair[1]);
                words.add(pair[0].equals("service") ? serviceName(services, id) : accountName(id));
            } catch (NumberFormatException e) {
                words.add(part);
            }
        }
        return words.isEmpty() ? null : String.join(", ", words);
    }

    private Map<Long, String> serviceNames() {
        var names = new LinkedHashMap<Long, String>();
        accounts.services().forEach(s -> names.put(s.id(), s.name()));
        return names;
    }

    private static String serviceName(Map<Long, String> services, Long id) {
        return id == null ? null : services.getOrDefault(id, "#" + id);
    }

    private String accountName(long id) {
        return accounts.find(id).map(AccountSummary::displayName).orElse("#" + id);
    }
}
