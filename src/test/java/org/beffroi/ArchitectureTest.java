package org.beffroi;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import org.beffroi.architecture.WritePath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every controller of the application keeps to the one write path (ADR 0036). */
class ArchitectureTest {

    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.beffroi");

    static final java.util.List<ArchRule> RULES = WritePath.RULES;

    @ParameterizedTest
    @FieldSource("RULES")
    void controllersKeepToTheWritePath(ArchRule rule) {
        rule.check(APPLICATION);
    }
}
