package org.beffroi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.beffroi.agenda.internal.EventRepository;
import org.beffroi.identity.internal.AccountRepository;
import org.beffroi.identity.internal.AccountService;
import org.beffroi.identity.internal.AccountStatus;
import org.beffroi.platform.DataSubject;
import org.beffroi.platform.Permission;
import org.beffroi.platform.Role;
import org.beffroi.platform.ServiceModule;
import org.beffroi.platform.ServiceModules;
import org.beffroi.testing.BeffroiTest;
import org.beffroi.testing.SignIn;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import jakarta.servlet.http.Cookie;

/**
 * What every service module promises, checked for each module the application has (found at run time, so that a
 * new module is held to it by existing): its id is its package; its permissions are all checked, and every check
 * names one of them; each back-office page refuses a signed-in staff member whose roles lack its permission; what
 * a person did through the module's pages is exported, then erased so that the export shows nothing more; retention
 * and the demo data can run again without changing anything.
 */
@BeffroiTest
class ServiceModuleContractTest {

    private static final String PASSWORD = "le beffroi sonne midi";
    private static final Pattern ONE_AUTHORITY = Pattern.compile("hasAuthority\\('([^']+)'\\)");
    private static final Pattern TEMPLATE_CHECK = Pattern.compile("has(?:Any)?(?:Authority|Role)\\(([^)]*)\\)");
    @Autowired
    ServiceModules modules;

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    AccountRepository accounts;

    @Autowired
    AccountService accountService;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    EventRepository events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    /** A staff account per staff role, holding that role alone: whom each back-office page must refuse. */
    private final Map<Role, Cookie> staff = new EnumMap<>(Role.class);

    @TestFactory
    Stream<DynamicContainer> everyModuleKeepsTheContract() {
        var routes = backOfficeRoutes();
        var templateChecks = templateChecks();
        assertThat(modules.all()).as("the application's modules").isNotEmpty();
        return modules.all().stream().map(module -> DynamicContainer.dynamicContainer(module.id(), Stream.of(
                DynamicTest.dynamicTest("its id is its package", () -> idIsItsPackage(module)),
                DynamicTest.dynamicTest("every permission is checked, every check names one",
                        () -> permissionsAndChecksMatch(module, routes, templateChecks)),
                DynamicTest.dynamicTest("its back office refuses staff without the permission",
                        () -> backOfficeRefusesStaffWithoutThePermission(module, routes)),
                DynamicTest.dynamicTest("export, erase, export shows nothing of the person",
                        () -> erasureLeavesNothingToExport(module)),
                DynamicTest.dynamicTest("retention runs twice without harm",
                        () -> runsTwiceWithoutHarm(module, module::applyRetention)),
                DynamicTest.dynamicTest("demo data is seeded twice without harm",
                        () -> runsTwiceWithoutHarm(module, module::seedDemoData)))));
    }

    private void idIsItsPackage(ServiceModule module) {
        assertThat(ClassUtils.getUserClass(module).getPackageName()).isEqualTo("org.beffroi." + module.id());
    }

    private void permissionsAndChecksMatch(ServiceModule module, List<Route> routes, Map<String, List<String>> templates) {
        var declared = modules.permissions().stream().map(Permission::authority).toList();
        var ownRoutes = routes.stream().filter(r -> r.module().equals(module.id())).toList();
        for (Route route : ownRoutes) {
            assertThat(route.check()).as("the permission check of %s (%s)", route, route.handler()).isNotNull();
            assertThat(route.permission()).as("the permission %s checks, with %s", route, route.check())
                    .isPresent();
        }
        templates.forEach((template, checks) -> assertThat(checks).as("the authorities %s checks", template)
                .allSatisfy(authority -> assertThat(declared).contains(authority)));
        var checked = new java.util.HashSet<String>();
        routes.forEach(route -> route.permission().map(Permission::authority).ifPresent(checked::add));
        templates.values().forEach(checked::addAll);
        assertThat(module.permissions()).as("%s's permissions, each checked somewhere", module.id())
                .allSatisfy(permission -> assertThat(checked).as(permission.authority()).contains(permission.authority()));
    }

    private void backOfficeRefusesStaffWithoutThePermission(ServiceModule module, List<Route> routes) throws Exception {
        for (Route route : routes.stream().filter(r -> r.module().equals(module.id())).toList()) {
            // a route that names no permission is held to the strictest: the administrator's alone
            Set<Role> granted = route.permission().map(Permission::grantedTo).orElse(EnumSet.of(Role.ADMINISTRATOR));
            String needed = route.permission().map(Permission::authority).orElse("a permission");
            for (Role role : Role.values()) {
                if (!role.isStaff() || granted.contains(role)) {
                    continue;
                }
                int answer = mvc.perform(route.request().cookie(staffAccount(role))).andReturn().getResponse().getStatus();
                assertThat(answer).as("%s for %s, whose role lacks %s", route, role, needed).isEqualTo(403);
            }
        }
    }

    private void erasureLeavesNothingToExport(ServiceModule module) throws Exception {
        var hook = PersonalDataHooks.all(mvc, events, jdbc).get(module.id());
        if (hook == null) {
            assertThat(declares(module, "exportPersonalData")).as(
                    "%s exports personal data: PersonalDataHooks must say how a person comes to have some", module.id())
                    .isFalse();
            return;
        }
        var person = person(hook.roles());
        hook.action().perform(person);
        DataSubject subject = accountService.dataSubject(person.accountId());

        assertThat(module.exportPersonalData(subject)).as("%s's export of what the person just did", module.id())
                .isNotEmpty();
        module.erasePersonalData(subject);
        var after = new java.util.HashMap<>(module.exportPersonalData(subject));
        for (String kept : hook.keptAfterErasure()) {
            assertThat(String.valueOf(after.remove(kept))).as("%s's %s, kept after the erasure", module.id(), kept)
                    .doesNotContain(person.email(), person.marker(), "127.0.0.1");
        }
        assertThat(after).as("%s's export after the erasure", module.id()).isEmpty();
    }

    /** Run once, the work may change things; run again at once, it must change nothing in the module's tables. */
    private void runsTwiceWithoutHarm(ServiceModule module, Runnable work) throws SQLException {
        work.run();
        var before = rowsOfTables(module.id());
        work.run();
        assertThat(rowsOfTables(module.id())).as("rows of %s's tables after a second run", module.id())
                .isEqualTo(before);
    }

    private Map<String, Long> rowsOfTables(String moduleId) throws SQLException {
        var tables = new ArrayList<String>();
        try (var connection = dataSource.getConnection();
                var found = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (found.next()) {
                String name = found.getString("TABLE_NAME");
                if (name.toLowerCase(java.util.Locale.ROOT).startsWith(moduleId + "_")) {
                    tables.add(name);
                }
            }
        }
        var rows = new TreeMap<String, Long>();
        for (String table : tables) {
            rows.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return rows;
    }

    private static boolean declares(ServiceModule module, String hook) {
        return Stream.of(ClassUtils.getUserClass(module).getDeclaredMethods()).anyMatch(m -> m.getName().equals(hook));
    }

    private PersonalDataHooks.Person person(Set<Role> roles) throws Exception {
        String marker = UUID.randomUUID().toString();
        String email = "contrat-" + marker + "@exemple.fr";
        long id = accounts.insert(email, "Personne " + marker, encoder.encode(PASSWORD), AccountStatus.ACTIVE, roles);
        return new PersonalDataHooks.Person(id, email, SignIn.as(mvc, email, PASSWORD), marker);
    }

    private Cookie staffAccount(Role role) throws Exception {
        if (!staff.containsKey(role)) {
            String email = "personnel-" + role.name().toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID()
                    + "@exemple.fr";
            accounts.insert(email, "Personnel " + role.name(), encoder.encode(PASSWORD), AccountStatus.ACTIVE,
                    EnumSet.of(role));
            staff.put(role, SignIn.as(mvc, email, PASSWORD));
        }
        return staff.get(role);
    }

    /** A back-office handler, GET or POST, with the request that reaches it and the check it carries. */
    private record Route(String module, RequestMethod method, String path, HandlerMethod handler, String check,
            Optional<Permission> permission, AbstractMockHttpServletRequestBuilder<?> request) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private List<Route> backOfficeRoutes() {
        var routes = new ArrayList<Route>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            String module = moduleOf(handler.getBeanType());
            if (module == null) {
                return;
            }
            var methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of(RequestMethod.GET)
                    : info.getMethodsCondition().getMethods();
            String check = checkOf(handler);
            Optional<Permission> permission = check == null ? Optional.empty() : permissionNamedBy(check);
            for (String pattern : info.getPatternValues()) {
                if (!pattern.equals("/admin") && !pattern.startsWith("/admin/")) {
                    continue;
                }
                for (RequestMethod method : methods) {
                    if (method == RequestMethod.GET || method == RequestMethod.POST) {
                        routes.add(new Route(module, method, pattern, handler, check, permission,
                                request(method, pattern, handler)));
                    }
                }
            }
        });
        assertThat(routes).as("the back office's routes").isNotEmpty();
        return routes;
    }

    private String moduleOf(Class<?> type) {
        String name = ClassUtils.getUserClass(type).getPackageName();
        return modules.all().stream().map(ServiceModule::id)
                .filter(id -> name.equals("org.beffroi." + id) || name.startsWith("org.beffroi." + id + "."))
                .findFirst().orElse(null);
    }

    /** The expression of the {@code @PreAuthorize} that applies, as Spring Security finds it: the method's, else the class's. */
    private static String checkOf(HandlerMethod handler) {
        Method method = handler.getMethod();
        var onMethod = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
        var found = onMethod != null ? onMethod
                : AnnotatedElementUtils.findMergedAnnotation(ClassUtils.getUserClass(handler.getBeanType()),
                        PreAuthorize.class);
        return found == null ? null : found.value();
    }

    /** The declared permission a check names; none if the check is anything but {@code hasAuthority} of one. */
    private Optional<Permission> permissionNamedBy(String check) {
        Matcher matcher = ONE_AUTHORITY.matcher(check.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return modules.permissions().stream().filter(p -> p.authority().equals(matcher.group(1))).findFirst();
    }

    /** The authorities each template checks ({@code sec:authorize}, {@code #authorization}), by template. */
    private static Map<String, List<String>> templateChecks() {
        var checks = new TreeMap<String, List<String>>();
        try {
            for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html")) {
                String html = resource.getContentAsString(StandardCharsets.UTF_8);
                var authorities = new ArrayList<String>();
                Matcher matcher = TEMPLATE_CHECK.matcher(html);
                while (matcher.find()) {
                    Stream.of(matcher.group(1).split(",")).map(a -> a.strip().replace("'", "")).forEach(authorities::add);
                }
                if (!authorities.isEmpty()) {
                    checks.put(resource.getDescription(), authorities);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return checks;
    }

    /**
     * A request the handler accepts as far as its arguments go, so that only the permission check stands between
     * it and the handler's work: path variables and required parameters get a value of their type.
     */
    private static AbstractMockHttpServletRequestBuilder<?> request(RequestMethod method, String pattern, HandlerMethod handler) {
        var variables = new java.util.LinkedHashMap<String, String>();
        var parameters = new java.util.LinkedHashMap<String, String>();
        boolean file = false;
        for (MethodParameter parameter : handler.getMethodParameters()) {
            Class<?> type = parameter.getParameterType();
            var variable = parameter.getParameterAnnotation(PathVariable.class);
            var requestParameter = parameter.getParameterAnnotation(RequestParam.class);
            if (variable != null) {
                String name = !variable.name().isEmpty() ? variable.name() : parameter.getParameterName();
                variables.put(name, valueOf(type, pattern, name));
            } else if (MultipartFile.class.isAssignableFrom(type)) {
                file = true;
            } else if (requestParameter != null && requestParameter.required()
                    && requestParameter.defaultValue().equals(org.springframework.web.bind.annotation.ValueConstants.DEFAULT_NONE)
                    && !Map.class.isAssignableFrom(type)) {
                String name = !requestParameter.name().isEmpty() ? requestParameter.name() : parameter.getParameterName();
                parameters.put(name, valueOf(type, pattern, name));
            }
        }
        // Variables the handler does not take itself (a @ModelAttribute method reads them) get a number, or the
        // first word their pattern allows.
        Matcher unnamed = Pattern.compile("\\{(\\w+)(:[^}]*)?}").matcher(pattern);
        while (unnamed.find()) {
            variables.putIfAbsent(unnamed.group(1), valueOf(long.class, pattern, unnamed.group(1)));
        }
        String path = pattern;
        for (var variable : variables.entrySet()) {
            path = path.replaceAll("\\{" + Pattern.quote(variable.getKey()) + "(:[^}]*)?}", variable.getValue());
        }
        AbstractMockHttpServletRequestBuilder<?> request = method == RequestMethod.GET ? get(path)
                : file ? multipart(path).file(new MockMultipartFile("file", "a.txt", "text/plain", new byte[] {1}))
                : post(path);
        if (method == RequestMethod.POST) {
            request.with(csrf());
        }
        parameters.forEach(request::param);
        return request;
    }

    /** A value of the type: a number, an enum's first constant, the first word a path pattern allows. */
    private static String valueOf(Class<?> type, String pattern, String name) {
        if (type.isEnum()) {
            return ((Enum<?>) type.getEnumConstants()[0]).name();
        }
        if (type == UUID.class) {
            return UUID.randomUUID().toString();
        }
        if (type == java.time.LocalDate.class) {
            return "2026-06-01";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true";
        }
        Matcher allowed = Pattern.compile("\\{" + Pattern.quote(name) + ":([^}]*)}").matcher(pattern);
        if (allowed.find()) {
            return allowed.group(1).split("\\|")[0];
        }
        return "1";
    }
}
