package org.beffroi.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

import org.junit.jupiter.api.Test;

/** Each rule of the write path catches the controller that breaks it, and only that one. */
class WritePathTest {

    private static final String WRONG = "wrongcontrollers";

    private static final JavaClasses CONTROLLERS = new ClassFileImporter().importPackages(WRONG);

    private static final Map<ArchRule, String> CAUGHT = Map.of(
            WritePath.NO_AUDIT_LOG, "AuditingController",
            WritePath.NO_EVENT_PUBLISHER, "PublishingController",
            WritePath.NO_SQL, "SqlController",
            WritePath.NO_TRANSACTION_CONTROL, "TransactionTemplateController",
            WritePath.NOT_TRANSACTIONAL, "TransactionalController",
            WritePath.NO_TRANSACTIONAL_METHOD, "TransactionalMethodController",
            WritePath.NO_REPOSITORY_WRITE, "RepositoryWritingController");

    @Test
    void everyRuleIsShownAWrongController() {
        assertThat(CAUGHT.keySet()).containsExactlyInAnyOrderElementsOf(WritePath.RULES);
    }

    @Test
    void eachRuleCatchesItsWrongControllerAndNoOther() {
        CAUGHT.forEach((rule, controller) -> {
            var result = rule.evaluate(CONTROLLERS);
            assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
            assertThat(result.getFailureReport().getDetails()).as(rule.getDescription())
                    .allSatisfy(line -> assertThat(line).contains(WRONG + "." + controller));
        });
    }

    @Test
    void aControllerThatReadsAndCallsItsDeskPassesEveryRule() {
        assertThat(CONTROLLERS.contain(WRONG + ".RightController")).isTrue();
        WritePath.RULES.forEach(rule -> assertThat(rule.evaluate(CONTROLLERS).getFailureReport().getDetails())
                .noneMatch(line -> line.contains(WRONG + ".RightController")));
    }
}
