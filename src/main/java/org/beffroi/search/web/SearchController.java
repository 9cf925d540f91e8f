package org.beffroi.search.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.RateLimits;
import org.beffroi.portal.Neighbourhood;
import org.beffroi.portal.Neighbourhoods;
import org.beffroi.search.Period;
import org.beffroi.search.SearchIndex;
import org.beffroi.search.SearchQuery;
import org.beffroi.search.SearchResults;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The results page. Every parameter is taken as it comes: unknown facet values are ignored rather than
 * refused, since they come from links a person may have edited or kept from an older version. Documents
 * carry their neighbourhood's id; its name is the portal's at the time of the search, and a neighbourhood
 * removed since is no facet nor filter any more (ADR 0031).
 */
@Controller
@RequiredArgsConstructor
class SearchController {

    static final int PAGE_SIZE = 10;

    private final SearchIndex index;
    private final Neighbourhoods neighbourhoods;
    private final RateLimits limits;
    @Value("${beffroi.search.searches-per-minute}")
    private final int searchesPerMinute;

    @GetMapping("/recherche")
    String search(@RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "type", required = false) String type,
            @RequestParam(name = "periode", required = false) String period,
            @RequestParam(name = "quartier", required = false) String neighbourhood,
            @RequestParam(name = "page", required = false) String page, HttpServletRequest request, Model model) {
        Map<Long, String> names = neighbourhoods.all().stream()
                .collect(Collectors.toMap(Neighbourhood::id, Neighbourhood::name, (a, b) -> a));
        Long chosenNeighbourhood = number(neighbourhood);
        var query = new SearchQuery(text, type, Period.fromSlug(period),
                names.containsKey(chosenNeighbourhood) ? chosenNeighbourhood : null, (int) clamp(number(page)), PAGE_SIZE);
        model.addAttribute("q", query.text());
        if (query.text().isBlank()) {
            model.addAttribute("results", SearchResults.empty(query));
            return "search/results";
        }
        if (!limits.tryConsume("search:" + request.getRemoteAddr(), searchesPerMinute, Duration.ofMinutes(1))) {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS);
        }
        var results = index.search(query);
        model.addAttribute("results", results);
        model.addAttribute("typeFacet", facet(results.types(), query, SearchQuery::type, query::type));
        model.addAttribute("periodFacet", facet(results.periods(), query, SearchQuery::period, query::period));
        model.addAttribute("neighbourhoodFacet",
                facet(withKeys(results.neighbourhoods(), names), query, SearchQuery::neighbourhoodId, query::neighbourhood));
        model.addAttribute("neighbourhoodNames", names);
        model.addAttribute("withoutFilters", "/recherche" + parameters(SearchQuery.of(query.text())));
        model.addAttribute("pageQuery", parameters(query.page(0)).substring(1));
        return "search/results";
    }

    /**
     * One link per facet value: choosing it filters (and starts again at the first page), choosing the
     * chosen one again removes the filter.
     */
    record FacetLink<T>(T value, long count, boolean chosen, String href) {
    }

    private static <T> List<FacetLink<T>> facet(Map<T, Long> counts, SearchQuery query,
            Function<SearchQuery, T> current, Function<T, SearchQuery> choosing) {
        T chosen = current.apply(query);
        return counts.entrySet().stream().map(e -> {
            boolean isChosen = e.getKey().equals(chosen);
            var next = choosing.apply(isChosen ? null : e.getKey()).page(0);
            return new FacetLink<>(e.getKey(), e.getValue(), isChosen, "/recherche" + parameters(next));
        }).toList();
    }

    /** The counts whose key is still known, in their order. */
    private static <K, V> Map<K, V> withKeys(Map<K, V> counts, Map<K, ?> known) {
        var kept = new LinkedHashMap<K, V>(counts);
        kept.keySet().retainAll(known.keySet());
        return kept;
    }

    /** The query as URL parameters, encoded, with only the filters that are set. */
    static String parameters(SearchQuery query) {
        var uri = UriComponentsBuilder.newInstance().queryParam("q", query.text());
        if (query.type() != null) {
            uri.queryParam("type", query.type());
        }
        if (query.period() != null) {
            uri.queryParam("periode", query.period().slug());
        }
        if (query.neighbourhoodId() != null) {
            uri.queryParam("quartier", query.neighbourhoodId());
        }
        if (query.page() > 0) {
            uri.queryParam("page", query.page());
        }
        return uri.encode().build().toUriString();
    }

    private static Long number(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long clamp(Long page) {
        return page == null ? 0 : Math.clamp(page, 0, SearchQuery.MAX_PAGE);
    }
}
