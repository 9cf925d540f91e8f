package org.beffroi.procedures.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.beffroi.identity.Accounts;
import org.beffroi.procedures.ProcedureDesks;
import org.beffroi.procedures.definition.DefinitionJson;
import org.beffroi.procedures.definition.ProcedureDefinition;
import org.beffroi.procedures.internal.CaseDesk.Filer;
import org.springframework.stereotype.Component;

/**
 * A shipped procedure imported under a slug of its own (the demo already installed it under its own), and filed. A
 * bean of the tests' class path, like {@link ProcedureDesks}.
 */
@Component
record ShippedProcedures(ProcedureDesks procedures, Accounts accounts) {

    /** The shipped file's definition. */
    static ProcedureDefinition definition(String slug) {
        var file = DemoProcedures.shipped().stream().filter(r -> r.getFilename().equals(slug + ".json")).findFirst()
                .orElseThrow();
        return DefinitionJson.read(DemoProcedures.read(file)).orElseThrow();
    }

    /**
     * Imports the shipped procedure under a new slug and maps its functions: {@code services} names the demo
     * service of each function (by name); a function not named goes to the first service.
     */
    long importAs(String slug, Map<String, String> services) {
        var d = definition(slug);
        var copy = new ProcedureDefinition(d.format(), slug + "-" + UUID.randomUUID().toString().substring(0, 8),
                d.title(), d.summary(), d.category(), d.lifeEvents(), d.access(), d.retentionDays(), d.functions(),
                d.pages(), d.workflow());
        var imported = procedures.catalogue().importFile(DefinitionJson.write(copy), true);
        assertThat(imported.problems()).isEmpty();
        var byName = new HashMap<String, Long>();
        accounts.services().forEach(s -> byName.put(s.name(), s.id()));
        var mapping = new HashMap<String, Long>();
        for (String function : d.functions()) {
            String name = services.get(function);
            mapping.put(function, name == null ? accounts.services().getFirst().id() : byName.get(name));
        }
        procedures.catalogue().mapFunctions(imported.procedureId(), mapping);
        return imported.procedureId();
    }

    CaseRecord file(long procedureId, Map<String, Object> answers, String email, String name) {
        long version = procedures.store().find(procedureId).orElseThrow().publishedVersionId();
        UUID draft = procedures.drafts().start(version, null, Map.of());
        procedures.drafts().save(draft, null, answers, 1);
        return procedures.desk().file(draft, null, answers, new Filer(null, email, name, null));
    }
}
