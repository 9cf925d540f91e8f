package org.beffroi.portal.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.beffroi.portal.Article;

/** The public pages as the site's tree. A page under a page that is not public is not reachable from the tree. */
record PageTree(List<Node> roots, Map<Long, Article> byId) {

    record Node(Article page, List<Node> children) {
    }

    static PageTree of(List<Article> pages) {
        Map<Long, Article> byId = pages.stream().collect(Collectors.toMap(Article::id, Function.identity()));
        return new PageTree(children(null, pages), byId);
    }

    private static List<Node> children(Long parentId, List<Article> pages) {
        return pages.stream().filter(p -> java.util.Objects.equals(p.parentId(), parentId))
                .map(p -> new Node(p, children(p.id(), pages))).toList();
    }

    /** The pages above one, from the top. */
    List<Article> ancestorsOf(Article page) {
        var chain = new ArrayList<Article>();
        Optional<Article> parent = Optional.ofNullable(page.parentId()).map(byId::get);
        while (parent.isPresent() && chain.size() < 50) {
            chain.add(parent.get());
            parent = Optional.ofNullable(parent.get().parentId()).map(byId::get);
        }
        Collections.reverse(chain);
        return chain;
    }

    List<Article> childrenOf(Article page) {
        return byId.values().stream().filter(p -> java.util.Objects.equals(p.parentId(), page.id()))
                .sorted(java.util.Comparator.comparingInt(Article::position).thenComparing(Article::title)).toList();
    }
}
