package org.beffroi.reports.open311;

import static org.beffroi.reports.open311.GeoReport.fields;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.Commune;
import org.beffroi.platform.PublicAddress;
import org.beffroi.platform.CommuneTime;
import org.beffroi.platform.RateLimits;
import org.beffroi.reports.internal.Categories;
import org.beffroi.reports.internal.Category;
import org.beffroi.reports.internal.CategoryQuestions;
import org.beffroi.reports.internal.Report;
import org.beffroi.reports.internal.ReportArea;
import org.beffroi.reports.internal.ReportDesk;
import org.beffroi.reports.internal.ReportStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) over the reports: the discovery document, the active
 * categories as services, the public reports as service requests, and filing a report with a client's key. Every
 * answer in JSON or XML by its extension. Nothing here shows an e-mail address or a name: the specification's
 * service request has no field for them. A {@code media_url} sent is ignored: never fetched, never stored; one answered
 * is where a public photo is read — a request's first photo, an update's photo of the fix.
 */
@RestController
@RequestMapping(Open311Controller.BASE)
@RequiredArgsConstructor
class Open311Controller {

    static final String BASE = "/open311/v2";
    private static final String FORMAT = ".{format:json|xml}";
    private static final int MAX_DESCRIPTION = 2000;
    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 200;
    /** The most updates one answer holds: a client asks for a narrower range to read more. */
    static final int MAX_UPDATES = 1000;
    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}( ?(bis|ter|[a-z]))?", Pattern.CASE_INSENSITIVE);

    private final Categories categories;
    private final CategoryQuestions questions;
    private final ReportStore store;
    private final ReportDesk desk;
    private final ReportArea area;
    private final Commune commune;
    private final RateLimits limits;
    private final ApiClients clients;
    private final Open311Requests requests;
    private final PublicAddress publicAddress;
    @Value("${beffroi.reports.open311.per-key-per-hour:100}")
    private final int perKey;

    @GetMapping("/discovery" + FORMAT)
    ResponseEntity<String> discovery(@PathVariable String format) {
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path(BASE).toUriString();
        var endpoint = fields("specification", "http://wiki.open311.org/GeoReport_v2", "url", url,
                "changeset", "2026-12-11T00:00:00Z", "type", "production",
                "formats", new GeoReport.Items("format", List.of("application/json", "text/xml")));
        return new GeoReport("discovery", fields("changeset", "2026-12-11T00:00:00Z",
                "contact", commune.settings().contactEmail(),
                "key_service", "Une clé par application, délivrée par la mairie",
                "endpoints", new GeoReport.Items("endpoint", List.of(endpoint)))).answer(HttpStatus.OK, format);
    }

    /** The interface's OpenAPI 3 document, written by hand; {@code Open311ClientTest} checks it against answers. */
    @GetMapping(value = "/openapi.json", produces = "application/json")
    ResponseEntity<org.springframework.core.io.Resource> openApi() {
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(new org.springframework.core.io.ClassPathResource("reports/open311-openapi.json"));
    }

    @GetMapping("/services" + FORMAT)
    ResponseEntity<String> services(@PathVariable String format) {
        var asking = questions.askedByCategory().keySet();
        return GeoReport.list("services", "service", categories.active().stream()
                .map(c -> service(c, asking.contains(c.id()))).toList()).answer(HttpStatus.OK, format);
    }

    /** A category as a service; metadata: it asks questions, which its definition lists. */
    private Map<String, Object> service(Category category, boolean metadata) {
        return fields("service_code", Long.toString(category.id()), "service_name", category.name(),
                "description", category.description() == null ? "" : category.description(), "metadata", metadata,
                "type", "realtime", "keywords", "", "group", "");
    }

    /** A category's questions as its attributes: a list of values to choose from, or a string. */
    @GetMapping("/services/{code}" + FORMAT)
    ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format) {
        return activeCategory(code)
                .map(c -> new GeoReport("service_definition", fields("service_code", Long.toString(c.id()),
                        "attributes", new GeoReport.Items("attribute", questions.asked(c.id()).stream()
                                .map(Open311Controller::attribute).toList()))).answer(HttpStatus.OK, format))
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, format, "service_code " + code + " not found"));
    }

    private static Map<String, Object> attribute(CategoryQuestions.Question question) {
        return fields("variable", true, "code", Long.toString(question.id()),
                "datatype", question.choice() ? "singlevaluelist" : "string", "required", question.required(),
                "datatype_description", question.hint() == null ? "" : question.hint(), "order", question.sortOrder(),
                "description", question.label(),
                "values", new GeoReport.Items("value", question.choices().stream()
                        .map(choice -> fields("key", choice, "name", choice)).toList()));
    }

    @GetMapping("/requests" + FORMAT)
    ResponseEntity<String> list(@PathVariable String format,
            @RequestParam(name = "service_request_id", required = false) String ids,
            @RequestParam(name = "service_code", required = false) String code,
            @RequestParam(name = "start_date", required = false) String start,
            @RequestParam(name = "end_date", required = false) String end,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String page,
            @RequestParam(name = "page_size", required = false) String pageSize) {
        List<String> problems = new ArrayList<>();
        List<Long> idList = ids == null || ids.isBlank() ? null : numbers(ids, problems);
        Long category = code == null || code.isBlank() ? null : number(code, "service_code", problems);
        Instant from = date(start, "start_date", problems);
        Instant to = date(end, "end_date", problems);
        Boolean open = status == null || status.isBlank() ? null : switch (status.strip()) {
            case "open" -> true;
            case "closed" -> false;
            default -> {
                problems.add("status must be open or closed");
                yield null;
            }
        };
        int pageNumber = page == null ? 1 : positive(page, "page", problems, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        int size = pageSize == null ? DEFAULT_PAGE_SIZE : positive(pageSize, "page_size", problems, MAX_PAGE_SIZE);
        if (!problems.isEmpty()) {
            return error(HttpStatus.BAD_REQUEST, format, problems.toArray(String[]::new));
        }
        var query = new Open311Requests.Query(idList, category, from, to, open, pageNumber, size);
        List<Long> onPage = requests.ids(query);
        var found = store.findPublic(onPage).stream().collect(Collectors.toMap(Report::id, Function.identity()));
        // in the page's order; a report erased since its id was read is left out
        return GeoReport.list("service_requests", "request",
                requests(onPage.stream().map(found::get).filter(Objects::nonNull).toList()))
                .answer(HttpStatus.OK, format);
    }

    @GetMapping("/requests/{id}" + FORMAT)
    ResponseEntity<String> one(@PathVariable String id, @PathVariable String format) {
        return publicReport(id)
                .map(r -> GeoReport.list("service_requests", "request", requests(List.of(r))).answer(HttpStatus.OK, format))
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, format, "service_request_id " + id + " not found"));
    }

    /**
     * mySociety's extension (https://github.com/mysociety/fixmystreet/wiki/Open311-FMS---Proposed-differences-to-Open311):
     * the public updates of the public reports made from {@code start_date} to {@code end_date}, both optional as
     * that document has them (no bound when absent); the {@value #MAX_UPDATES} latest of that range, oldest first. Each
     * carries the status it set (open or closed) and its public message; never an internal note, a name or an address.
     */
    @GetMapping("/servicerequestupdates" + FORMAT)
    ResponseEntity<String> updates(@PathVariable String format,
            @RequestParam(name = "start_date", required = false) String start,
            @RequestParam(name = "end_date", required = false) String end) {
        List<String> problems = new ArrayList<>();
        Instant from = date(start, "start_date", problems);
        Instant to = date(end, "end_date", problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add("end_date is before start_date");
        }
        if (!problems.isEmpty()) {
            return error(HttpStatus.BAD_REQUEST, format, problems.toArray(String[]::new));
        }
        return GeoReport.list("service_request_updates", "request_update", requests.updates(from, to, MAX_UPDATES)
                .stream().map(u -> fields("update_id", Long.toString(u.id()),
                        "service_request_id", Long.toString(u.reportId()),
                        "status", u.status().open() ? "open" : "closed",
                        "updated_datetime", moment(u.at()),
                        "description", u.message() == null ? "" : u.message(),
                        "media_url", mediaUrl(u.photo())))
                .toList()).answer(HttpStatus.OK, format);
    }

    /** A report filed here is public at once, so its token is its id: the token answers it while it is public. */
    @GetMapping("/tokens/{token}" + FORMAT)
    ResponseEntity<String> token(@PathVariable String token, @PathVariable String format) {
        return publicReport(token)
                .map(r -> GeoReport.list("service_requests", "request", List.of(fields("service_request_id",
                        Long.toString(r.id()), "token", token))).answer(HttpStatus.OK, format))
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, format, "token " + token + " not found"));
    }

    @PostMapping("/requests" + FORMAT)
    ResponseEntity<String> create(@PathVariable String format, @RequestParam Map<String, String> form) {
        Optional<Long> client = clients.byKey(form.get("api_key"));
        if (client.isEmpty()) {
            return error(HttpStatus.FORBIDDEN, format, "api_key missing, unknown or revoked");
        }
        List<String> problems = new ArrayList<>();
        Category category = null;
        String code = form.get("service_code");
        if (code == null || code.isBlank()) {
            problems.add("service_code is required");
        } else {
            category = activeCategory(code).orElse(null);
            if (category == null) {
                problems.add("service_code " + code.strip() + " not found");
            }
        }
        Double latitude = decimal(form.get("lat"), "lat", 90, problems);
        Double longitude = decimal(form.get("long"), "long", 180, problems);
        String[] street = null;
        if (latitude != null && longitude != null) {
            if (!area.holds(latitude, longitude)) {
                problems.add("lat and long are outside the commune");
            }
        } else if (latitude != null || longitude != null) {
            problems.add("lat and long go together");
        } else if (blank(form.get("address_string"))) {
            problems.add("lat and long, or address_string, are required");
        } else {
            street = street(form.get("address_string").strip());
            if (street == null) {
                problems.add("address_string is not a street of the commune");
            }
        }
        String description = form.get("description");
        if (blank(description)) {
            problems.add("description is required");
        } else if (description.strip().length() > MAX_DESCRIPTION) {
            problems.add("description holds " + MAX_DESCRIPTION + " characters at most");
        }
        String email = form.get("email");
        if (blank(email)) {
            problems.add("email is required");
        } else if (email.strip().length() > 254 || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add("email is not an e-mail address");
        }
        String name = String.join(" ", Arrays.asList(strip(form.get("first_name")), strip(form.get("last_name"))))
                .strip();
        if (name.length() > 120) {
            problems.add("first_name and last_name hold 120 characters at most together");
        }
        Map<Long, String> answers = category == null ? Map.of() : answers(form, category.id(), problems);
        if (!problems.isEmpty()) {
            return error(HttpStatus.BAD_REQUEST, format, problems.toArray(String[]::new));
        }
        if (!limits.tryConsume("reports-open311:" + client.get(), perKey, Duration.ofHours(1))) {
            return error(HttpStatus.TOO_MANY_REQUESTS, format, "too many requests with this api_key; try later");
        }
        var person = new ReportDesk.Person(null, email.strip(), name.isEmpty() ? null : name);
        long id = desk.fileForClient(new ReportDesk.Filing(category.id(), latitude, longitude,
                street == null ? null : street[1], street == null ? null : street[0], description, List.of(), person,
                false, answers), client.get());
        return GeoReport.list("service_requests", "request", List.of(fields("service_request_id", Long.toString(id),
                "service_notice", "", "account_id", ""))).answer(HttpStatus.CREATED, format);
    }

    /**
     * The answers to the category's questions, sent as {@code attribute[code]}; what is wrong with them is added to
     * the problems in the specification's words.
     */
    private Map<Long, String> answers(Map<String, String> form, long categoryId, List<String> problems) {
        var answers = new HashMap<Long, String>();
        for (var question : questions.asked(categoryId)) {
            String answer = form.get("attribute[" + question.id() + "]");
            if (answer != null) {
                answers.put(question.id(), answer);
            }
        }
        questions.problems(categoryId, answers).forEach((question, problem) -> problems.add("attribute[" + question
                + "] " + switch (problem) {
                    case MISSING -> "is required";
                    case NOT_A_CHOICE -> "is not one of the attribute's values";
                    case TOO_LONG -> "holds " + CategoryQuestions.MAX_ANSWER + " characters at most";
                }));
        return answers;
    }

    /**
     * Service requests as the specification shows them: never the reporter's e-mail address or name. Their notes,
     * photos and services are read for the whole page at once.
     */
    private List<Map<String, Object>> requests(List<Report> reports) {
        var ids = reports.stream().map(Report::id).toList();
        var notes = store.lastPublicMessages(ids);
        var photos = store.firstPhotos(ids);
        var services = categories.all().stream().collect(Collectors.toMap(Category::id, Category::name));
        return reports.stream().map(report -> request(report, notes.getOrDefault(report.id(), ""),
                photos.get(report.id()), services.getOrDefault(report.categoryId(), ""))).toList();
    }

    private Map<String, Object> request(Report report, String notes, UUID photo, String service) {
        return fields("service_request_id", Long.toString(report.id()),
                "status", report.status().open() ? "open" : "closed",
                "status_notes", notes,
                "service_name", service,
                "service_code", Long.toString(report.categoryId()),
                "description", report.description(),
                "agency_responsible", report.responsibleBody() == null ? "" : report.responsibleBody(),
                "service_notice", "",
                "requested_datetime", moment(report.confirmedAt()),
                "updated_datetime", moment(report.statusAt()),
                "expected_datetime", report.dueAt() == null ? "" : moment(report.dueAt()),
                "address", report.address() == null ? "" : report.address(),
                "address_id", "", "zipcode", "",
                "lat", report.latitude() == null ? "" : report.latitude(),
                "long", report.longitude() == null ? "" : report.longitude(),
                "media_url", mediaUrl(photo));
    }

    /** Where a photo of a public report is read, as its page shows it; empty without one. */
    private String mediaUrl(UUID photo) {
        return photo == null ? "" : publicAddress.of("/fichiers/" + photo);
    }

    private static String moment(Instant instant) {
        return instant.atZone(CommuneTime.ZONE).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private Optional<Category> activeCategory(String code) {
        return code.strip().matches("\\d{1,18}") ? categories.find(Long.parseLong(code.strip())).filter(Category::active)
                : Optional.empty();
    }

    private Optional<Report> publicReport(String id) {
        return id.matches("\\d{1,18}") ? store.findPublic(Long.parseLong(id)) : Optional.empty();
    }

    /** « 12 bis rue des Tilleuls » or « rue des Tilleuls », a street of the commune's list: {number, street}. */
    private String[] street(String typed) {
        var streets = commune.streets();
        for (var s : streets) {
            if (s.equalsIgnoreCase(typed)) {
                return new String[] {null, s};
            }
            if (typed.length() > s.length() && typed.toLowerCase().endsWith(" " + s.toLowerCase())) {
                String number = typed.substring(0, typed.length() - s.length()).strip().replaceAll(",$", "").strip();
                if (NUMBER.matcher(number).matches()) {
                    return new String[] {number, s};
                }
            }
        }
        return null;
    }

    private static ResponseEntity<String> error(HttpStatus status, String format, String... descriptions) {
        return GeoReport.errors(status, List.of(descriptions)).answer(status, format);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    private static Double decimal(String text, String name, double bound, List<String> problems) {
        if (blank(text)) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isFinite(value) && Math.abs(value) <= bound) {
                return value;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        problems.add(name + " is not a number between -" + (int) bound + " and " + (int) bound);
        return null;
    }

    private static Long number(String text, String name, List<String> problems) {
        if (text.strip().matches("\\d{1,18}")) {
            return Long.parseLong(text.strip());
        }
        problems.add(name + " is not a number");
        return null;
    }

    private static List<Long> numbers(String text, List<String> problems) {
        var list = new ArrayList<Long>();
        for (var part : text.split(",")) {
            Long n = number(part, "service_request_id", problems);
            if (n != null) {
                list.add(n);
            }
        }
        if (list.isEmpty() && problems.isEmpty()) {
            problems.add("service_request_id lists no id");
        }
        return list.size() > MAX_PAGE_SIZE ? tooMany(problems) : list;
    }

    private static List<Long> tooMany(List<String> problems) {
        problems.add("service_request_id lists " + MAX_PAGE_SIZE + " ids at most");
        return null;
    }

    private static int positive(String text, String name, List<String> problems, int most) {
        if (text.strip().matches("\\d{1,9}")) {
            int n = Integer.parseInt(text.strip());
            if (n >= 1 && n <= most) {
                return n;
            }
        }
        problems.add(name + " is a number from 1 to " + most);
        return 1;
    }

    private static Instant date(String text, String name, List<String> problems) {
        if (blank(text)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(name + " is not a w3c date and time, for example 2026-12-11T09:30:00+01:00");
            return null;
        }
    }
}
