package org.beffroi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Beffroi, the digital town hall: one application, one module per municipal service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BeffroiApplication {

    public static void main(String[] args) {
        namesMailStreamProvider();
        SpringApplication.run(BeffroiApplication.class, args);
    }

    /**
     * Jakarta Mail looks its stream provider up with a {@link java.util.ServiceLoader} scan at every header it
     * encodes (jakartaee/mail-api#861), which through the nested jars of the packaged application cost most of
     * the time of composing an alert mail. The API reads the provider's class from this system property first.
     */
    static void namesMailStreamProvider() {
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }
}
