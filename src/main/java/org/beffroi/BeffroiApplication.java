package org.beffroi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Beffroi, the digital town hall: one application, one module per municipal service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BeffroiApplication {

    public static void main(String[] args) {
        SpringApplication.run(BeffroiApplication.class, args);
    }
}
