package org.beffroi.search.internal;

import java.util.List;

import lombok.RequiredArgsConstructor;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The demo commune's synonyms: words residents type for what the commune names otherwise. */
@Component
@RequiredArgsConstructor
public class DemoSynonyms {

    private final SearchSynonyms synonyms;

    /** Does nothing once the commune has synonyms of its own. */
    @Transactional
    public void seed() {
        if (!synonyms.isEmpty()) {
            return;
        }
        synonyms.insert("bibliothèque", List.of("médiathèque"));
        synonyms.insert("mairie", List.of("hôtel de ville"));
        synonyms.insert("déchèterie", List.of("déchetterie"));
        synonyms.insert("poubelle", List.of("ordures", "déchets"));
    }
}
