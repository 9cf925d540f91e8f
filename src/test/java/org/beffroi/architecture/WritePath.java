package org.beffroi.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import java.util.List;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;

import org.beffroi.platform.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.TransactionManager;
import org.springframework.transaction.support.TransactionOperations;

/**
 * One way to write (ADR 0036): a controller reads, then hands a change to one transactional method of its
 * module's application service, which writes, audits and publishes together. So a controller holds none of
 * the means to do any of that itself.
 */
public final class WritePath {

    /**
     * How a repository method that only reads begins; any other name is taken as a write. A new reading
     * method is named with one of these, so that a controller may call it.
     */
    public static final Set<String> READ_VERBS = Set.of("find", "get", "all", "count", "exists", "list", "page",
            "search", "load", "is", "has");

    static final DescribedPredicate<JavaClass> CONTROLLERS = DescribedPredicate.describe("controllers",
            c -> c.isAnnotatedWith(Controller.class) || c.isMetaAnnotatedWith(Controller.class));

    public static final ArchRule NO_AUDIT_LOG = noClasses().that(CONTROLLERS)
            .should().dependOnClassesThat().areAssignableTo(AuditLog.class)
            .because("the application service records the audit entry in the transaction of the change");

    public static final ArchRule NO_EVENT_PUBLISHER = noClasses().that(CONTROLLERS)
            .should().dependOnClassesThat().areAssignableTo(ApplicationEventPublisher.class)
            .because("the application service publishes events in the transaction of the change");

    public static final ArchRule NO_SQL = noClasses().that(CONTROLLERS)
            .should().dependOnClassesThat().areAssignableTo(JdbcClient.class)
            .orShould().dependOnClassesThat().areAssignableTo(JdbcOperations.class)
            .orShould().dependOnClassesThat().areAssignableTo(NamedParameterJdbcOperations.class)
            .because("SQL lives in repositories, reached through the application service for a write");

    public static final ArchRule NO_TRANSACTION_CONTROL = noClasses().that(CONTROLLERS)
            .should().dependOnClassesThat().areAssignableTo(TransactionOperations.class)
            .orShould().dependOnClassesThat().areAssignableTo(TransactionManager.class)
            .because("the transaction is the application service's method, not the controller's");

    public static final ArchRule NOT_TRANSACTIONAL = noClasses().that(CONTROLLERS)
            .should().beAnnotatedWith(org.springframework.transaction.annotation.Transactional.class)
            .orShould().beAnnotatedWith(jakarta.transaction.Transactional.class)
            .because("the transaction is the application service's method, not the controller's");

    public static final ArchRule NO_TRANSACTIONAL_METHOD = noMethods().that().areDeclaredInClassesThat(CONTROLLERS)
            .should().beAnnotatedWith(org.springframework.transaction.annotation.Transactional.class)
            .orShould().beAnnotatedWith(jakarta.transaction.Transactional.class)
            .because("the transaction is the application service's method, not the controller's");

    public static final ArchRule NO_REPOSITORY_WRITE = noClasses().that(CONTROLLERS)
            .should().callMethodWhere(DescribedPredicate.describe(
                    "a repository method whose name begins with none of " + READ_VERBS.stream().sorted().toList(),
                    WritePath::writesToARepository))
            .because("a write goes through the application service, which audits and publishes with it");

    public static final List<ArchRule> RULES = List.of(NO_AUDIT_LOG, NO_EVENT_PUBLISHER, NO_SQL,
            NO_TRANSACTION_CONTROL, NOT_TRANSACTIONAL, NO_TRANSACTIONAL_METHOD, NO_REPOSITORY_WRITE);

    private static boolean writesToARepository(JavaMethodCall call) {
        return call.getTargetOwner().getSimpleName().endsWith("Repository")
                && READ_VERBS.stream().noneMatch(verb -> beginsWithVerb(call.getName(), verb));
    }

    /** "find" and "findById" read; "finder" is no verb of the list. */
    private static boolean beginsWithVerb(String name, String verb) {
        return name.equals(verb) || name.startsWith(verb) && Character.isUpperCase(name.charAt(verb.length()));
    }

    private WritePath() {
    }
}
