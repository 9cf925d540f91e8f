package org.beffroi.search.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.apache.lucene.store.FSDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Lucene index in a folder of its own, next to the embedded database by default, with the synonyms in force. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean(destroyMethod = "close")
    LuceneSearchIndex searchIndex(@Value("${beffroi.search.directory}") Path folder, Clock clock, SearchSynonyms synonyms)
            throws IOException {
        return new LuceneSearchIndex(FSDirectory.open(Files.createDirectories(folder)), clock, synonyms::all);
    }
}
