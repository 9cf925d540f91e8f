package org.beffroi.platform.web;

import java.io.IOException;
import java.io.PrintWriter;

import org.springframework.web.util.ContentCachingResponseWrapper;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Holds back the body of an HTML answer until it is whole, so that whether it may be shared, and its validator,
 * are decided before anything is sent; any other body (a file, a stylesheet, a feed) goes straight through,
 * unbuffered. The choice is made when the body starts, from the content type set by then.
 */
final class HtmlCapture extends HttpServletResponseWrapper {

    private ContentCachingResponseWrapper html;
    private boolean started;

    HtmlCapture(HttpServletResponse response) {
        super(response);
    }

    /** The HTML held back, or null when the answer was not HTML (and has been sent as it was written). */
    byte[] html() {
        return html == null ? null : html.getContentAsByteArray();
    }

    /** Sends what was held back, with its length. */
    void send() throws IOException {
        if (html != null) {
            html.copyBodyToResponse();
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        return body().getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        return body().getWriter();
    }

    @Override
    public void flushBuffer() throws IOException {
        if (html == null) { // flushing held HTML would commit the headers before they are decided
            super.flushBuffer();
        }
    }

    @Override
    public void resetBuffer() {
        dropHeld();
        super.resetBuffer();
    }

    @Override
    public void reset() {
        dropHeld();
        super.reset();
    }

    // an error page or a redirect replaces what was written, as it would have without holding it back

    @Override
    public void sendError(int status) throws IOException {
        dropHeld();
        super.sendError(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        dropHeld();
        super.sendError(status, message);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        dropHeld();
        super.sendRedirect(location);
    }

    private void dropHeld() {
        if (html != null) {
            html.resetBuffer();
        }
    }

    private HttpServletResponse body() {
        if (!started) {
            started = true;
            String type = getContentType();
            if (type != null && type.regionMatches(true, 0, "text/html", 0, 9)) {
                html = new ContentCachingResponseWrapper((HttpServletResponse) getResponse());
            }
        }
        return html != null ? html : (HttpServletResponse) getResponse();
    }
}
