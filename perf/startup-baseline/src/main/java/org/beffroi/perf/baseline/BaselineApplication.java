package org.beffroi.perf.baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The smallest Spring Boot web application with a health endpoint: what any Boot application pays to start. */
@SpringBootApplication
@RestController
public class BaselineApplication {

    public static void main(String[] args) {
        SpringApplication.run(BaselineApplication.class, args);
    }

    @GetMapping("/")
    String hello() {
        return "ok";
    }
}
