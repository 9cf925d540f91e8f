package org.beffroi;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** The module boundaries hold (no cycles, no reach into another module's internals), and their documentation is written. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(BeffroiApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyServiceModuleIsDetected() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("platform", "identity", "portal");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
