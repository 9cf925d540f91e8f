package org.beffroi.platform.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.PublicAddress;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.WebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * What production cannot run without, checked before anything is served: mail must leave (a relay), links in mail
 * must reach the public site over HTTPS, and the forwarded headers are believed from address ranges only (never from
 * a name, and never from a pattern Tomcat would read as a regular expression). A wrong setting stops the start with
 * one line that names it. The proxies are checked before the web server is made, which reads them.
 */
@Component
@Profile("prod")
@RequiredArgsConstructor
class ProductionSettings implements InitializingBean, WebServerFactoryCustomizer<WebServerFactory>, Ordered {

    /** An IPv4 or IPv6 address written out, then a prefix length: no name that a resolver would answer. */
    private static final Pattern RANGE = Pattern.compile(
            "(?:(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(?:\\.(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}"
                    + "|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*)/[0-9]{1,3}");

    private final ObjectProvider<JavaMailSender> sender;
    private final PublicAddress publicAddress;
    @Value("${server.tomcat.remoteip.internal-proxies:}")
    private final String trustedProxies;

    @Override
    public void customize(WebServerFactory factory) {
        for (String range : trustedProxies.split(",", -1)) {
            if (!isRange(range.strip())) {
                String what = range.isBlank() ? "an empty entry" : "'" + range.strip() + "'";
                throw new BadSettingException("BEFFROI_TRUSTED_PROXIES", what + " is not an address range: write the "
                        + "proxies' addresses as ranges, comma-separated (10.0.0.5/32, 10.0.0.0/24, ::1/128); it is '"
                        + trustedProxies + "'");
            }
        }
    }

    private static boolean isRange(String range) {
        if (!RANGE.matcher(range).matches()) {
            return false;
        }
        int slash = range.indexOf('/');
        try {
            int bits = InetAddress.getByName(range.substring(0, slash)).getAddress().length * 8;
            int prefix = Integer.parseInt(range.substring(slash + 1));
            return prefix > 0 && prefix <= bits; // "/0" would believe every client's forwarded headers
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void afterPropertiesSet() {
        if (sender.getIfAvailable() == null) {
            throw new BadSettingException("SPRING_MAIL_HOST",
                    "the prod profile needs an SMTP relay (SPRING_MAIL_HOST, with SPRING_MAIL_PORT and credentials)");
        }
        String baseUrl = publicAddress.base();
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new BadSettingException("BEFFROI_BASE_URL", "'" + baseUrl + "' is not an address");
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new BadSettingException("BEFFROI_BASE_URL",
                    "the public address must start with https:// in production (it is '" + baseUrl + "')");
        }
    }
}
