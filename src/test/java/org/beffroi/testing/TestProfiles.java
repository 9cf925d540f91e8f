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
}
