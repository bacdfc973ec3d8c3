package benchmark.stack;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The stack the product is built on, alone, for {@code org.awardeval.bench.StartupBenchmark}: Spring Boot, the Camunda
 * engine with its webapps and REST API, a datasource; no component of the product. Outside the product's packages, so
 * that no scan of them finds it.
 */
@SpringBootApplication(excludeName = {"org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration",
        "org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration",
        "org.springframework.boot.autoconfigure.mail.MailSenderValidatorAutoConfiguration"})
public class BareStack {

    public static void main(String[] args) {
        SpringApplication.run(BareStack.class, args);
    }
}
