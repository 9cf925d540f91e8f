package org.beffroi.testing;

import org.springframework.test.context.ActiveProfilesResolver;

/** test and demo always; postgres too when Maven's postgres profile runs the suite. */
public class TestProfiles implements ActiveProfilesResolver {

    @Override
    public String[] resolve(Class<?> testClass) {
        return onPostgres() ? new String[] {"test", "demo", "postgres"} : new String[] {"test", "demo"};
    }

    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty("beffroi.test.db"));
    }

    /** The PostgreSQL database the suite runs on ({@code BEFFROI_DB_URL}). */
    public static String postgresUrl() {
        return System.getenv().getOrDefault("BEFFROI_DB_URL", "jdbc:postgresql://localhost:5432/test");
    }

    /** The PostgreSQL database the suite runs on, in the given schema (its default one for null). */
    public static String postgresUrl(String schema) {
        String url = postgresUrl();
        return schema == null ? url : url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static String postgresUser() {
        return System.getenv().getOrDefault("BEFFROI_DB_USER", "postgres");
    }

    public static String postgresPassword() {
        return System.getenv().getOrDefault("BEFFROI_DB_PASSWORD", "");
    }

    /**
     * The class path of the application alone, for a node started as a process of its own: the test's class path
     * without the test classes (their configuration would start with it) nor devtools (it would restart it).
     */
    public static String applicationClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.contains("spring-boot-devtools"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }
}
