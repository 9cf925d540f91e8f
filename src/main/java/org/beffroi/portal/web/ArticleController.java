package org.beffroi.portal.web;

import java.time.Clock;
import java.util.List;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.Commune;
import org.beffroi.platform.Feed;
import org.beffroi.platform.NotFoundException;
import org.beffroi.platform.PublicAddress;
import org.beffroi.platform.RichText;
import org.beffroi.portal.Article;
import org.beffroi.portal.Article.Kind;
import org.beffroi.portal.NewsCategory;
import org.beffroi.portal.internal.ArticleRepository;
import org.beffroi.portal.internal.ArticleRepository.NewsFilter;
import org.beffroi.portal.internal.NewsFeed;
import org.beffroi.portal.internal.PublicArticles;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** News (list by category, each item, Atom feed) and the pages of the site (tree and each page). */
@Controller
@RequiredArgsConstructor
class ArticleController {

    static final int PAGE_SIZE = 10;

    private final ArticleRepository articles;
    private final PublicArticles publicArticles;
    private final NewsFeed newsFeed;
    private final Commune commune;
    private final Clock clock;
    private final PublicAddress publicAddress;

    @GetMapping("/actualites")
    String news(@RequestParam(name = "categorie", required = false) String categorySlug,
            @RequestParam(defaultValue = "0") int page, Model model) {
        NewsCategory category = categorySlug == null || categorySlug.isBlank() ? null
                : NewsCategory.ofSlug(categorySlug).orElseThrow(NotFoundException::new);
        var filter = new NewsFilter(category, null);
        long total = articles.countPublicNews(filter, clock.instant());
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(0, page), pages - 1);
        model.addAttribute("news", articles.findPublicNews(filter, clock.instant(), current * PAGE_SIZE, PAGE_SIZE));
        model.addAttribute("category", category);
        model.addAttribute("categories", NewsCategory.values());
        model.addAttribute("page", current);
        model.addAttribute("hasNext", current < pages - 1);
        model.addAttribute("query", category == null ? "" : "categorie=" + category.slug());
        model.addAttribute("feeds", feeds());
        return "portal/news";
    }

    @GetMapping("/actualites/{slug}")
    String newsItem(@PathVariable String slug, Model model) {
        Article article = publicArticles.find(Kind.NEWS, slug).orElseThrow(NotFoundException::new);
        model.addAttribute("article", article);
        model.addAttribute("html", RichText.toHtml(article.body()));
        model.addAttribute("breadcrumbs", List.of());
        model.addAttribute("children", List.of());
        model.addAttribute("feeds", feeds());
        return "portal/article";
    }

    @GetMapping(value = "/actualites.atom")
    ResponseEntity<String> atom() {
        var latest = articles.findPublicNews(NewsFilter.none(), clock.instant(), 0, 30);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(newsFeed.write(commune.settings().name(), latest, publicAddress.base()));
    }

    @GetMapping("/pages")
    String pages(Model model) {
        model.addAttribute("tree", PageTree.of(articles.findPublicPages(clock.instant())).roots());
        return "portal/pages";
    }

    @GetMapping("/pages/{slug}")
    String page(@PathVariable String slug, Model model) {
        Article page = publicArticles.find(Kind.PAGE, slug).orElseThrow(NotFoundException::new);
        var tree = PageTree.of(articles.findPublicPages(clock.instant()));
        model.addAttribute("article", page);
        model.addAttribute("html", RichText.toHtml(page.body()));
        model.addAttribute("breadcrumbs", tree.ancestorsOf(page));
        model.addAttribute("children", tree.childrenOf(page));
        return "portal/article";
    }

    private List<Feed> feeds() {
        return List.of(new Feed("application/atom+xml", "/actualites.atom", commune.settings().name() + " – actualités (Atom)"));
    }
}
