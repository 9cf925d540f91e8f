package org.beffroi.platform.internal;

import java.net.URI;

import org.beffroi.platform.PublicAddress;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * What production cannot run without, checked before anything is served: mail must leave (a relay), and links in
 * mail must reach the public site over HTTPS. A wrong setting stops the start with one line that names it.
 */
@Component
@Profile("prod")
class ProductionSettings implements InitializingBean {

    private final ObjectProvider<JavaMailSender> sender;
    private final PublicAddress publicAddress;

    ProductionSettings(ObjectProvider<JavaMailSender> sender, PublicAddress publicAddress) {
        this.sender = sender;
        this.publicAddress = publicAddress;
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
