package org.beffroi.testing;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import nu.validator.validation.SimpleDocumentValidator;

/**
 * The Nu HTML Checker (RGAA criterion 8.2), in the test's process and offline: its schemas come from its own jar.
 * It checks as the {@code vnu} command does (HTML + SVG + MathML + RDFa schema, then its assertions and checkers) and
 * answers the errors, one "line:col message" each; warnings and information are advice and left out. Building the
 * schema takes a few seconds, so one checker serves the whole run, one page at a time.
 */
public final class HtmlChecker {

    private static final String SCHEMA = "http://s.validator.nu/html5-all.rnc";

    private static HtmlChecker shared;

    private final SimpleDocumentValidator validator;
    private final Collector errors = new Collector();

    private HtmlChecker() {
        try {
            validator = new SimpleDocumentValidator(false, false, false);
            validator.setUpMainSchema(SCHEMA, errors);
            if (!errors.found.isEmpty()) {
                throw new IllegalStateException("the checker's schema did not load: " + errors.found);
            }
            validator.setUpValidatorAndParsers(errors, false, false);
        } catch (Exception e) {
            throw new IllegalStateException("the Nu HTML checker could not start", e);
        }
    }

    /** The errors the checker finds in this page, read as served from this address; none when the page is valid. */
    public static synchronized List<String> errors(String html, String address) {
        if (shared == null) {
            shared = new HtmlChecker();
        }
        return shared.check(html, address);
    }

    private List<String> check(String html, String address) {
        errors.found.clear();
        var source = new InputSource(new StringReader(html));
        source.setSystemId(address);
        source.setEncoding("UTF-8");
        try {
            validator.checkHtmlInputSource(source);
        } catch (SAXException e) {
            // a fatal error stops the parse; it is already in the list
            if (errors.found.isEmpty()) {
                errors.found.add("0:0 " + e.getMessage());
            }
        } catch (IOException e) {
            throw new IllegalStateException("the checker could not read " + address, e);
        }
        return List.copyOf(errors.found);
    }

    private static final class Collector implements ErrorHandler {

        final List<String> found = new ArrayList<>();

        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) {
            found.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) {
            error(e);
        }
    }
}
