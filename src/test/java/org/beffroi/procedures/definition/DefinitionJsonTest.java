package org.beffroi.procedures.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** A procedure file read and written back is the same procedure. */
class DefinitionJsonTest {

    @Test
    void theShippedParkingCardReadsAndWritesBackUnchanged() throws Exception {
        String json = Files.readString(Path.of("src/main/resources/procedures/carte-de-stationnement.json"));
        var read = DefinitionJson.read(json);
        assertThat(read).isPresent();
        var definition = read.get();
        assertThat(definition.pages()).hasSize(2);
        assertThat(definition.field("attestation").orElseThrow().showWhen()).isEqualTo(new Condition("usage",
                "professionnel"));
        assertThat(definition.workflow().initialStatus().buttons()).extracting(Button::id)
                .containsExactly("demander", "accepter", "refuser", "faire-payer");
        assertThat(DefinitionJson.read(DefinitionJson.write(definition))).contains(definition);
    }

    @Test
    void somethingElseIsNotAProcedure() {
        assertThat(DefinitionJson.read("{\"format\": \"autre/1\"}")).isEmpty();
        assertThat(DefinitionJson.read("pas du JSON")).isEmpty();
        assertThat(DefinitionJson.read("[]")).isEmpty();
    }
}
