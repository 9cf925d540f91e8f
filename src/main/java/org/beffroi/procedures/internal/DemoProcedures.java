package org.beffroi.procedures.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;

import org.beffroi.identity.Accounts;
import org.beffroi.procedures.definition.DefinitionJson;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The ready-made procedures shipped with Beffroi ({@code classpath:procedures/*.json}), installed and published in
 * the demo commune with their functions mapped to its services. Each is an ordinary procedure file: a commune
 * imports the same files from the back office.
 */
@Component
@RequiredArgsConstructor
public class DemoProcedures {

    /** In the demo commune, which service plays each function the shipped workflows name. */
    private static final Map<String, String> DEMO_SERVICES = Map.of(
            "instruction", "Accueil et état civil", "etat-civil", "Accueil et état civil",
            "ecole", "Enfance et écoles", "elections", "Accueil et état civil",
            "technique", "Services techniques", "dechets", "Services techniques", "eau", "Services techniques",
            "ressources-humaines", "Accueil et état civil");

    private final ProcedureStore store;
    private final ProcedureCatalogue catalogue;
    private final Accounts accounts;

    /** The files shipped, by name. */
    public static List<Resource> shipped() {
        try {
            var found = new PathMatchingResourcePatternResolver().getResources("classpath*:procedures/*.json");
            return Arrays.stream(found).sorted(Comparator.comparing(Resource::getFilename)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Resource file) {
        try (var in = file.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void seed() {
        var services = new HashMap<String, Long>();
        accounts.services().forEach(s -> services.put(s.name(), s.id()));
        for (var file : shipped()) {
            String json = read(file);
            String slug = file.getFilename().replace(".json", "");
            var existing = store.findBySlug(slug);
            if (existing.isPresent() && !shippedSince(existing.get().id(), json)) {
                continue;
            }
            var imported = catalogue.importFile(json, true);
            if (imported.procedureId() == null) {
                throw new IllegalStateException(file.getFilename() + " is not a valid procedure: " + imported.problems());
            }
            var mapping = new HashMap<String, Long>();
            store.latest(imported.procedureId()).orElseThrow().definition().functions().forEach(f -> {
                Long service = services.get(DEMO_SERVICES.get(f));
                if (service != null) {
                    mapping.put(f, service);
                }
            });
            store.functionServices(imported.procedureId()).keySet().forEach(mapping::remove);
            if (!mapping.isEmpty()) {
                catalogue.mapFunctions(imported.procedureId(), mapping);
            }
        }
    }

    /**
     * Whether the file shipped now differs from the procedure installed from an earlier one, which nobody edited
     * since (its latest version was installed, not saved by an administrator): then the demo takes it as a new
     * version, so that a demo database installed before gets what the files now do.
     */
    private boolean shippedSince(long procedureId, String json) {
        var latest = store.latest(procedureId).orElseThrow();
        var shipped = DefinitionJson.read(json).orElseThrow();
        return latest.createdBy() == null && !latest.definition().equals(shipped);
    }

}
