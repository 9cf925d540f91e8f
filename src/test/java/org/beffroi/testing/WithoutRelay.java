package org.beffroi.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * The whole application as {@link BeffroiTest} starts it, but without an SMTP relay ({@code spring.mail.host}
 * unset) nor bounce mailbox: the demo as a newcomer starts it, where mail stays in the outbox. A context of its
 * own, shared by the classes that use it; on PostgreSQL it has a schema of its own ({@value #SCHEMA}), so that the
 * two contexts' schedulers never take each other's tasks.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@BeffroiTest
@TestPropertySource(properties = TestServers.RELAY + "=false")
public @interface WithoutRelay {

    String SCHEMA = "without_relay";
}
