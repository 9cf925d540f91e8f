package org.beffroi.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, on H2 or PostgreSQL (see {@link TestProfiles}), with a
 * real SMTP server (GreenMail) and a real OpenID Connect provider (mock-oauth2-server). Every test
 * class uses this one configuration, so the context is built once per run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles(resolver = TestProfiles.class)
@ContextConfiguration(initializers = TestServers.class)
@Import({TestDatabase.class, TestClock.Configuration.class, Queries.Configuration.class, PasswordHashing.Configuration.class})
public @interface BeffroiTest {
}
