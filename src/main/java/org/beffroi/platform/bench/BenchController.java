package org.beffroi.platform.bench;

import java.util.TreeMap;

import lombok.RequiredArgsConstructor;

import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Under the bench profile only, for {@code perf/}: a bare endpoint of the same server (the yardstick of
 * the portal benchmark: same filters, same security chain, no database, no template) and the query counts.
 */
@RestController
@Profile("bench")
@RequiredArgsConstructor
class BenchController {

    private final QueryCounting counting;

    @GetMapping(value = "/bench/bare", produces = MediaType.TEXT_PLAIN_VALUE)
    String bare() {
        return "ok";
    }

    /** One line per path: path, hits, queries; then the total of statements, background work included. */
    @GetMapping(value = "/bench/queries", produces = MediaType.TEXT_PLAIN_VALUE)
    String queries() {
        var out = new StringBuilder();
        new TreeMap<>(counting.paths()).forEach((path, count) -> out.append(path).append(' ')
                .append(count.hits().sum()).append(' ').append(count.queries().sum()).append('\n'));
        return out.append("total ").append(counting.total()).append('\n').toString();
    }
}
