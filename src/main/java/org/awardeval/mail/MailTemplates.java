package org.awardeval.mail;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders e-mails from src/main/resources/mail: NAME.txt (plain text) and NAME.html, with escaping. The applicants' e-mails
 * take their words from the applicants' messages in the applicant's language; the judges' are written in English.
 */
@Component
public class MailTemplates {

    public record Rendered(String text, String html) {
    }

    private final TemplateEngine text;
    private final TemplateEngine html;

    MailTemplates(MessageSource messages) {
        this.text = engine(TemplateMode.TEXT, ".txt", messages);
        this.html = engine(TemplateMode.HTML, ".html", messages);
    }

    public Rendered render(String name, Map<String, Object> model) {
        return render(name, model, Locale.ENGLISH);
    }

    public Rendered render(String name, Map<String, Object> model, Locale locale) {
        Context context = new Context(locale, model);
        return new Rendered(text.process(name, context), html.process(name, context));
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix, MessageSource messages) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        // The Spring engine evaluates expressions with SpEL, as the web pages do.
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }
}
