package org.beffroi.platform;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Text written by agents and organisations in Markdown, turned into HTML that is safe to put in a page.
 * Raw HTML in the Markdown is shown as text, and the HTML produced goes through an allow-list anyway:
 * no script, no event handler, no frame, no style, links only to web, mail and phone addresses,
 * images only from the platform's own files.
 */
public final class RichText {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    /** URLs are left to the allow-list below, which drops a link it refuses instead of leaving an empty one. */
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().extensions(EXTENSIONS).build();

    /** Images are the commune's own uploads: an outside image would leak visitors' addresses to another site. */
    private static final Pattern OWN_FILE = Pattern.compile("^/fichiers/[0-9a-fA-F-]{36}$");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code", "em",
                    "strong", "del", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "hr", "br")
            // the page's title is its only h1
            .allowElements((name, attributes) -> "h2", "h1")
            .allowUrlProtocols("https", "http", "mailto", "tel")
            .allowAttributes("href", "title").onElements("a")
            .requireRelsOnLinks("noopener", "noreferrer")
            .allowAttributes("src").matching(OWN_FILE).onElements("img")
            .allowAttributes("alt", "title").onElements("img")
            .allowAttributes("align").matching(true, "left", "center", "right").onElements("th", "td")
            .allowAttributes("start").matching(Pattern.compile("^[0-9]{1,6}$")).onElements("ol")
            .toFactory();

    /**
     * Texts already turned into HTML, by their Markdown: the same text always gives the same HTML, so nothing
     * needs clearing, and a news item read by hundreds of visitors is parsed and sanitised once. At most
     * 16 million characters of Markdown and HTML are kept.
     */
    private static final Cache<String, String> RENDERED = Caffeine.newBuilder().maximumWeight(16_000_000)
            .weigher((String markdown, String html) -> markdown.length() + html.length()).build();

    private RichText() {
    }

    /** The HTML of a Markdown text, safe to insert unescaped. */
    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return RENDERED.get(markdown, text -> POLICY.sanitize(HTML.render(PARSER.parse(text))));
    }

    /** What a text holds that the page would not show as its author meant: raw HTML, an image from another site. */
    public record Refusal(Reason reason, String excerpt) {

        public enum Reason {
            /** HTML typed in the Markdown: the page would show it as text. */
            RAW_HTML,
            /** An image whose address is not one of the platform's files: the page would not show it. */
            OUTSIDE_IMAGE
        }
    }

    /**
     * The first thing of a Markdown text that {@link #toHtml} would not render as written, for a form to refuse at
     * save time: raw HTML (shown as text), an image not from the platform's own files (dropped). Empty when none.
     */
    public static Optional<Refusal> refusal(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return Optional.empty();
        }
        var found = new Refusal[1];
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlInline html) {
                refuse(Refusal.Reason.RAW_HTML, html.getLiteral());
            }

            @Override
            public void visit(HtmlBlock html) {
                refuse(Refusal.Reason.RAW_HTML, html.getLiteral());
            }

            @Override
            public void visit(Image image) {
                if (!OWN_FILE.matcher(image.getDestination()).matches()) {
                    refuse(Refusal.Reason.OUTSIDE_IMAGE, image.getDestination());
                }
                visitChildren(image);
            }

            private void refuse(Refusal.Reason reason, String excerpt) {
                if (found[0] == null) {
                    String line = excerpt.strip().lines().findFirst().orElse("");
                    found[0] = new Refusal(reason, line.length() > 80 ? line.substring(0, 80) + "…" : line);
                }
            }
        });
        return Optional.ofNullable(found[0]);
    }

    /**
     * The words of a Markdown text and nothing else, for the search's index and its snippets: no list marker, no
     * link's address, one line per block. Raw HTML stays as text, as {@link #toHtml} shows it.
     */
    public static String toWords(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        var words = new StringBuilder();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Text text) {
                words.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                words.append(code.getLiteral());
            }

            @Override
            public void visit(HtmlInline html) {
                words.append(html.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                words.append(' ');
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                words.append('\n');
            }

            @Override
            protected void visitChildren(Node parent) {
                super.visitChildren(parent);
                if (parent instanceof Block && !words.isEmpty() && words.charAt(words.length() - 1) != '\n') {
                    words.append('\n');
                } else if (parent instanceof CustomNode && !(parent instanceof Block)) {
                    // a table's cell
                    words.append(' ');
                }
            }

            @Override
            public void visit(HtmlBlock html) {
                words.append(html.getLiteral()).append('\n');
            }

            @Override
            public void visit(FencedCodeBlock code) {
                words.append(code.getLiteral()).append('\n');
            }

            @Override
            public void visit(IndentedCodeBlock code) {
                words.append(code.getLiteral()).append('\n');
            }
        });
        return words.toString().strip();
    }

    /** The words of a Markdown text, without its markup: for search and summaries. */
    public static String toPlainText(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return TEXT.render(PARSER.parse(markdown)).strip();
    }
}
